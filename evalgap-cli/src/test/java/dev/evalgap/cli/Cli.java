package dev.evalgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and captures what it prints. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = EvalgapCommand.commandLine(args);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Runs a command that must succeed (exit 0) and returns what it printed. */
    public static String ok(String... args) {
        Cli r = run(args);
        assertThat(r.exitCode()).as("evalgap %s: %s", String.join(" ", args), r.err()).isZero();
        return r.out();
    }
}
