package dev.evalgap.workspace;

/** A workspace that is missing, malformed, from a newer evalgap or in use; the message is for the user. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
