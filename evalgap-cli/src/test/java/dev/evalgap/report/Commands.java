package dev.evalgap.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalgap.cli.EvalgapCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and fails the test when a command does not exit 0. */
final class Commands {

    private Commands() {
    }

    static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = EvalgapCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        assertThat(code).as("evalgap %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }
}
