package dev.evalgap.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgap.Progress;
import dev.evalgap.ResultJson;
import dev.evalgap.report.HtmlPage;
import dev.evalgap.report.ReportSettings;
import dev.evalgap.report.ReportViews;
import dev.evalgap.workspace.Workspace;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * {@code evalgap serve}: the report's views, live over a workspace, and a read-only JSON API per view.
 * Each request opens the workspace, computes its view and closes it again, so `ingest` and `gap` can run
 * between requests; answers are kept until the workspace's database file changes.
 */
public final class Dashboard implements AutoCloseable {

    private static final String JSON = "application/json; charset=utf-8";

    private final Path workspace;
    private final ReportSettings settings;
    private final Javalin app;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, String> answers = new HashMap<>();
    private String answersStamp = "";

    private Dashboard(Path workspace, ReportSettings settings, String bind, int port) {
        this.workspace = workspace;
        this.settings = settings;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = bind;
            cfg.jetty.port = port;
            cfg.routes.get("/", this::page);
            cfg.routes.get("/assets/app.js", ctx -> asset(ctx, HtmlPage.APP_JS, "text/javascript; charset=utf-8"));
            cfg.routes.get("/assets/app.css", ctx -> asset(ctx, HtmlPage.APP_CSS, "text/css; charset=utf-8"));
            cfg.routes.get("/assets/echarts.min.js",
                    ctx -> asset(ctx, HtmlPage.ECHARTS, "text/javascript; charset=utf-8"));
            cfg.routes.get("/api/summary", ctx -> json(ctx, "summary", window(ctx), ReportViews::summary));
            cfg.routes.get("/api/trend", ctx -> json(ctx, "trend", null, (v, w) -> v.trend()));
            cfg.routes.get("/api/windows", ctx -> json(ctx, "windows", null,
                    (v, w) -> ResultJson.mapper().valueToTree(v.gapWindows())));
            cfg.routes.get("/api/gap", ctx -> json(ctx, "gap", window(ctx), (v, w) -> v.gap(w).orElseThrow(
                    () -> new NotFound("no stored gap result for window " + w + ": run `evalgap gap --window "
                            + w + "`"))));
            cfg.routes.get("/api/check", ctx -> json(ctx, "check", window(ctx), (v, w) -> v.check(w)));
            cfg.routes.get("/api/candidates", ctx -> json(ctx, "candidates", window(ctx), (v, w) -> v.candidates(w)));
            cfg.routes.get("/api/raters", ctx -> json(ctx, "raters", null, (v, w) -> v.raters()));
            cfg.routes.get("/api/report", ctx -> json(ctx, "report", window(ctx), (v, w) -> v.report(w)));
            cfg.routes.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, String.valueOf(e.getMessage())));
        });
    }

    /**
     * Starts the dashboard.
     *
     * @throws PortInUseException when another process listens on the port
     */
    public static Dashboard start(Path workspace, ReportSettings settings, String bind, int port) {
        Workspace.open(workspace).close(); // a missing or broken workspace fails here, not on the first request
        Dashboard d = new Dashboard(workspace, settings, bind, port);
        try {
            d.app.start();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    d.app.stop();
                    throw new PortInUseException(bind, port, t);
                }
            }
            throw e;
        }
        return d;
    }

    /** The port listened on (the actual one when started on port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The view a request asks for, computed with the workspace open. */
    private interface View {
        JsonNode compute(ReportViews views, String window);
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", HtmlPage.DASHBOARD_CSP + "; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(HtmlPage.dashboard(workspace.toAbsolutePath().normalize().toString()));
    }

    private static void asset(Context ctx, String resource, String type) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(type);
        ctx.result(HtmlPage.resource(resource));
    }

    private void json(Context ctx, String name, String window, View view) {
        String key = name + "?" + (window == null ? "" : window);
        String body = withViews(key, views -> {
            String w = window;
            if (w == null || w.isBlank()) {
                w = views.newestGapWindow().orElse(null);
            }
            return ResultJson.write(view.compute(views, w));
        });
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(JSON);
        ctx.result(body);
    }

    private static String window(Context ctx) {
        return ctx.queryParam("window");
    }

    private String withViews(String key, Function<ReportViews, String> compute) {
        lock.lock();
        try {
            String stamp = stamp();
            if (!stamp.equals(answersStamp)) {
                answers.clear();
                answersStamp = stamp;
            }
            String cached = answers.get(key);
            if (cached != null) {
                return cached;
            }
            String body;
            try (Workspace ws = Workspace.open(workspace)) {
                body = compute.apply(new ReportViews(ws, settings, Progress.NONE));
            }
            // computing a view may write caches (embeddings) into the database: stamp after closing
            answersStamp = stamp();
            answers.put(key, body);
            return body;
        } finally {
            lock.unlock();
        }
    }

    private String stamp() {
        Path db = workspace.resolve(Workspace.DATABASE_FILE);
        try {
            return Files.getLastModifiedTime(db).toMillis() + ":" + Files.size(db);
        } catch (IOException e) {
            return "";
        }
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", message);
        ctx.status(status);
        ctx.contentType(JSON);
        ctx.result(ResultJson.write(body));
    }

    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
