package dev.evalgap.cli;

import dev.evalgap.workspace.Workspace;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The built-in configuration is parsed on the second core while picocli builds the command model
        Workspace.preloadDefaults();
        // Every thread evalgap starts inherits this priority, below the JIT compiler's, where the JVM applies
        // priorities (-XX:ThreadPriorityPolicy=1, as ./evalgap runs it): compiled kernels arrive sooner
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        System.exit(EvalgapCommand.commandLine(args).execute(args));
    }
}
