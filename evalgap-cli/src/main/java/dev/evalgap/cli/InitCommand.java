package dev.evalgap.cli;

import dev.evalgap.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a workspace: evalgap.yaml (commented configuration) and evalgap.duckdb.")
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder (default: the current folder).")
    Path dir;

    @Override
    public Integer call() {
        Path target = dir == null ? Path.of(".") : dir;
        boolean fresh = Workspace.init(target);
        spec.commandLine().getOut().println(fresh
                ? "created workspace " + target.toAbsolutePath().normalize() + " (edit evalgap.yaml to map your fields)"
                : "workspace " + target.toAbsolutePath().normalize() + " exists; kept its evalgap.yaml");
        return 0;
    }
}
