package dev.evalgap.cli;

import dev.evalgap.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace}, shared by every command that reads or writes a workspace. */
final class WorkspaceOptions {

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = "Workspace folder (default: $EVALGAP_WORKSPACE, else the current folder).")
    Path workspace;

    Path dir() {
        if (workspace != null) {
            return workspace;
        }
        String env = System.getenv("EVALGAP_WORKSPACE");
        return Path.of(env == null || env.isBlank() ? "." : env);
    }

    Workspace open() {
        return Workspace.open(dir());
    }
}
