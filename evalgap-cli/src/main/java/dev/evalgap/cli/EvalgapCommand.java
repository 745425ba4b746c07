package dev.evalgap.cli;

import dev.evalgap.EvalgapVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "evalgap", mixinStandardHelpOptions = true, versionProvider = EvalgapCommand.Version.class,
        description = "Measures how far an LLM eval suite has drifted from production: the gap next to the score.",
        subcommands = {InitCommand.class, IngestCommand.class, GapCommand.class, SuggestCommand.class, DemoCommand.class,
                TrendCommand.class, SealCommand.class, CheckCommand.class, ReportCommand.class, ServeCommand.class,
                RatersCommand.class, CommandLine.HelpCommand.class})
public final class EvalgapCommand {

    /** Exit code of a usage or input error, as picocli uses for invalid options (a failed check exits 1). */
    public static final int EXIT_USAGE = 2;

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new EvalgapCommand());
        cmd.setExecutionExceptionHandler(new UserErrorHandler());
        return cmd;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"evalgap " + EvalgapVersion.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
