package dev.evalgap.cli;

import dev.evalgap.ingest.IngestException;
import dev.evalgap.store.StoreException;
import dev.evalgap.server.PortInUseException;
import dev.evalgap.workspace.WorkspaceException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Errors the user can act on (bad input, missing workspace, a locked database) print one clear line
 * and exit 2; anything else is a bug in evalgap and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof WorkspaceException || e instanceof StoreException || e instanceof IngestException
                || e instanceof IllegalArgumentException || e instanceof UncheckedIOException
                || e instanceof PortInUseException) {
            cmd.getErr().println("evalgap: " + e.getMessage());
            cmd.getErr().flush();
            return EvalgapCommand.EXIT_USAGE;
        }
        throw new IllegalStateException(e);
    }
}
