package dev.evalgap.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(EvalgapCommand.commandLine().execute(args));
    }
}
