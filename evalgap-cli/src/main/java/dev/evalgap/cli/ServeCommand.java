package dev.evalgap.cli;

import dev.evalgap.report.ReportSettings;
import dev.evalgap.server.Dashboard;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the report's views live over the workspace, with a read-only JSON API per view "
                + "(/api/summary, /api/trend, /api/windows, /api/gap?window=, /api/check?window=, "
                + "/api/candidates?window=, /api/raters, /api/report?window=).",
                "Binds to loopback unless --bind says otherwise; stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOptions workspace;

    @Option(names = "--set", paramLabel = "NAME", description = "Eval set (default: the workspace's only set).")
    String set;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 = every "
                    + "interface, which shows production texts to anyone who can reach it).")
    String bind;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "" + ReportSettings.DEFAULT_CANDIDATES,
            description = "Refresh candidates per window (default: ${DEFAULT-VALUE}; 0 = none).")
    int candidates;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: seed).")
    Long seed;

    @Override
    public Integer call() throws InterruptedException {
        Dashboard dashboard = Dashboard.start(workspace.dir(), new ReportSettings(set, seed, candidates), bind, port);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("evalgap dashboard on http://%s:%d/ (workspace %s); Ctrl-C stops it%n", bind.contains(":")
                ? "[" + bind + "]" : bind, dashboard.port(), workspace.dir().toAbsolutePath().normalize());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
