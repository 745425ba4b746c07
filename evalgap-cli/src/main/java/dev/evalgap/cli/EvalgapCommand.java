package dev.evalgap.cli;

import dev.evalgap.EvalgapVersion;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "evalgap", mixinStandardHelpOptions = true, versionProvider = EvalgapCommand.Version.class,
        description = "Measures how far an LLM eval suite has drifted from production: the gap next to the score.")
public final class EvalgapCommand {

    /** Exit code of a usage or input error, as picocli uses for invalid options (a failed check exits 1). */
    public static final int EXIT_USAGE = 2;

    /** Every subcommand, in the order the usage help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InitCommand.class, IngestCommand.class,
            GapCommand.class, SuggestCommand.class, DemoCommand.class, TrendCommand.class, SealCommand.class,
            CheckCommand.class, ReportCommand.class, ServeCommand.class, RatersCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * The command line for these arguments. picocli builds a subcommand's model by reflection, about
     * 10 ms a subcommand in a fresh JVM, so when the first argument names a subcommand only that one is
     * built; otherwise (no arguments, {@code help}, which describes the others, --version, a mistyped name)
     * all are.
     */
    public static CommandLine commandLine(String... args) {
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> named = SUBCOMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class
                && c.getAnnotation(Command.class).name().equals(first)).toList();
        CommandLine cmd = new CommandLine(new EvalgapCommand());
        (named.isEmpty() ? SUBCOMMANDS : named).forEach(cmd::addSubcommand);
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
