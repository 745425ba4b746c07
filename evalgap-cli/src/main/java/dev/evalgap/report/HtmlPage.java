package dev.evalgap.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgap.ResultJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one page both the report and the dashboard render: the report inlines the chart library, the
 * script, the style and the data (no network at all, enforced by its Content-Security-Policy, whose
 * script hashes also stop any injected script from running); the dashboard references the same assets
 * and fetches the views from the JSON API.
 */
public final class HtmlPage {

    /** Served by the dashboard at {@code /assets/...}; inlined by the report. */
    public static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.common.min.js";
    public static final String APP_JS = "dev/evalgap/report/app.js";
    public static final String APP_CSS = "dev/evalgap/report/app.css";
    private static final String TEMPLATE = "dev/evalgap/report/page.html";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z]+)}}");

    /** The dashboard's policy (in the page and, with frame-ancestors, as a header): scripts and data from the server only. */
    public static final String DASHBOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

    private HtmlPage() {
    }

    /** A self-contained report of {@code data} (the views of {@link ReportViews#report}). */
    public static String report(String subtitle, JsonNode data) {
        String echarts = resource(ECHARTS);
        String app = resource(APP_JS);
        String csp = "default-src 'none'; script-src '" + sha256(echarts) + "' '" + sha256(app) + "'; "
                + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
        String dataElement = "<script type=\"application/json\" id=\"evalgap-data\">" + scriptSafeJson(data)
                + "</script>";
        String scripts = "<script>" + echarts + "</script>\n<script>" + app + "</script>";
        return fill(csp, subtitle, "<style>" + resource(APP_CSS) + "</style>", dataElement, scripts);
    }

    /** The dashboard page; its data comes from {@code /api/...}. */
    public static String dashboard(String subtitle) {
        return fill(DASHBOARD_CSP, subtitle, "<link rel=\"stylesheet\" href=\"/assets/app.css\">", "",
                "<script src=\"/assets/echarts.min.js\"></script>\n<script src=\"/assets/app.js\"></script>");
    }

    /** A classpath resource as text. */
    public static String resource(String name) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (a broken build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /**
     * JSON that can sit inside a script element: {@code <}, {@code >} and {@code &} appear in JSON only
     * inside strings, where their \\u escapes mean the same, so {@code </script>} in a prompt cannot end
     * the element.
     */
    static String scriptSafeJson(JsonNode data) {
        return ResultJson.write(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** Text for HTML element content and attribute values. */
    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String fill(String csp, String subtitle, String style, String data, String scripts) {
        String safeSubtitle = escapeHtml(subtitle);
        Map<String, String> values = Map.of("CSP", escapeHtml(csp), "TITLE", "evalgap — " + safeSubtitle,
                "SUBTITLE", safeSubtitle, "STYLE", style, "DATA", data, "SCRIPTS", scripts);
        // one pass: an inserted text (a prompt in the data) is never scanned for placeholders again
        Matcher m = PLACEHOLDER.matcher(resource(TEMPLATE));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
