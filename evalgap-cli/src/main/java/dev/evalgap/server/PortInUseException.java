package dev.evalgap.server;

/** The dashboard's port is taken by another process. */
public final class PortInUseException extends RuntimeException {

    public PortInUseException(String bind, int port, Throwable cause) {
        super("cannot listen on " + bind + ":" + port + ": the port is in use by another process; "
                + "choose another with --port (e.g. --port " + (port + 1) + ")", cause);
    }
}
