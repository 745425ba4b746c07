package dev.evalgap.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import dev.evalgap.ResultJson;
import dev.evalgap.cli.Cli;
import dev.evalgap.server.Dashboard;
import dev.evalgap.store.EvalCase;
import dev.evalgap.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo report and the live dashboard, opened in a real headless Chromium: the charts render with
 * no console error and no failed request, the verdict tells the story, a topic drills down to its
 * texts, the window can be switched, and no sealed text reaches the page. Screenshots of every view
 * land in target/browser/.
 */
@Tag("browser")
class ReportBrowserTest {

    private static Chromium chromium;
    private static Path ws;

    @BeforeAll
    static void start() {
        ws = DemoWorkspace.get();
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void demoReportShowsEveryViewOffline() throws Exception {
        Path file = Chromium.SCREENSHOTS.resolve("report.html");
        String json = Cli.ok("report", "-w", ws.toString(), "--out", file.toString(), "--candidates", "12",
                "--json");
        String html = Files.readString(file);
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").contains("Content-Security-Policy");
        assertNoSealedText(json);
        assertNoSealedText(html);
        assertThat(json).as("a gap result stored before the seal held sealed texts: they are masked")
                .contains(SealedMask.WITHHELD);

        Chromium.Watched w = chromium.open(file.toUri().toString());
        assertThat(w.page().locator("#candidates-table tbody tr").count()).isEqualTo(12);
        assertRendered(w, "report");
    }

    @Test
    void dashboardServesTheSameViewsLiveWithAJsonApi() throws Exception {
        try (Dashboard d = Dashboard.start(ws, new ReportSettings(null, null, 8), "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + d.port();
            Chromium.Watched w = chromium.open(base + "/");
            assertRendered(w, "dashboard");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> trend = get(http, base + "/api/trend");
            assertThat(trend.statusCode()).isEqualTo(200);
            assertThat(trend.headers().firstValue("content-type").orElse("")).startsWith("application/json");
            JsonNode t = ResultJson.mapper().readTree(trend.body());
            assertThat(t.get("releases")).hasSize(8);
            JsonNode windows = ResultJson.mapper().readTree(get(http, base + "/api/windows").body());
            assertThat(windows.toString()).isEqualTo("[\"2026-W36\",\"2026-W41\",\"2026-W47\"]");
            HttpResponse<String> gap = get(http, base + "/api/gap?window=" + DemoWorkspace.MIDDLE);
            assertThat(ResultJson.mapper().readTree(gap.body()).get("window").asText()).isEqualTo(DemoWorkspace.MIDDLE);
            HttpResponse<String> missing = get(http, base + "/api/gap?window=1999-W01");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("no stored gap result for window 1999-W01");
            JsonNode check = ResultJson.mapper().readTree(get(http, base + "/api/check?window=" + DemoWorkspace.LAST).body());
            assertThat(check.get("passed").asBoolean()).isFalse();
            assertNoSealedText(get(http, base + "/api/report").body());
            assertThat(get(http, base + "/").headers().firstValue("content-security-policy").orElse(""))
                    .contains("script-src 'self'");

            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> Dashboard.start(ws, new ReportSettings(null, null, 0), "127.0.0.1", d.port())))
                    .isInstanceOf(dev.evalgap.server.PortInUseException.class)
                    .hasMessageContaining("port is in use").hasMessageContaining("--port");
        }
    }

    private static void assertRendered(Chromium.Watched w, String name) {
        Page page = w.page();
        assertThat(page.getAttribute("body", "data-rendered")).isEqualTo("true");
        for (String chart : new String[] {"#timeline-chart", "#topics-chart", "#weighted-chart", "#goodhart-chart"}) {
            assertThat(page.locator(chart + " canvas").count()).as(chart + " drew a canvas").isPositive();
        }
        String verdict = page.locator("#verdict-lines").innerText();
        assertThat(verdict).contains("The offline score rose from 0.62 (r1) to 0.86 (r8)")
                .contains("the gap to production grew").contains("thumbs-up rate fell")
                .contains("top under-covered").contains("FAIL");
        assertThat(page.locator("#timeline-table tbody tr").count()).isEqualTo(12);
        assertThat(page.locator("#agreement-table").innerText()).contains("thumbs_up_rate").contains("INVERTED");
        assertThat(page.locator("#goodhart-table tbody tr").count()).isEqualTo(8);
        assertThat(page.locator("#gate-table").innerText()).contains("max_gap_score");
        String raters = page.locator("#raters-body").innerText();
        assertThat(raters).contains("3360 ratings: 3357 usable, 3 unusable").contains("Cohen's κ").contains("Krippendorff's α");
        assertThat(page.locator("#raters-body canvas").count()).as("the judges-vs-humans chart").isPositive();

        // drill down: the newest window's most under-covered topic, then its texts
        assertThat(page.locator("#window-select").inputValue()).isEqualTo(DemoWorkspace.LAST);
        assertThat(page.locator("#gap-verdict").innerText()).startsWith(DemoWorkspace.LAST);
        page.locator("#topics-rows tbody tr").first().click();
        assertThat(page.locator("#topic-detail blockquote").count()).isPositive();
        assertThat(page.locator("#topic-detail").innerText()).containsIgnoringCase("reorder");
        Chromium.screenshot(page, name + "-full");
        Chromium.screenshotOf(page, "#verdict", name + "-verdict");
        Chromium.screenshotOf(page, "#timeline", name + "-timeline");
        Chromium.screenshotOf(page, "#gap", name + "-gap-" + DemoWorkspace.LAST);
        Chromium.screenshotOf(page, "#agreement", name + "-agreement");
        Chromium.screenshotOf(page, "#goodhart", name + "-goodhart");
        Chromium.screenshotOf(page, "#cases", name + "-cases");
        Chromium.screenshotOf(page, "#raters", name + "-raters");

        page.selectOption("#window-select", DemoWorkspace.FIRST);
        page.waitForFunction("() => document.querySelector('#gap-verdict').innerText.startsWith('"
                + DemoWorkspace.FIRST + "')");
        assertThat(page.locator("#topics-chart canvas").count()).isPositive();
        Chromium.screenshotOf(page, "#gap", name + "-gap-" + DemoWorkspace.FIRST);

        assertThat(w.errors()).as("console errors").isEmpty();
        assertThat(w.failedRequests()).as("failed requests").isEmpty();
        assertThat(w.dialogs()).as("dialogs").isEmpty();
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** No sealed input or expected answer, in the JSON spelling the report and the API use. */
    private static void assertNoSealedText(String text) {
        List<String> secrets = new ArrayList<>();
        try (Workspace w = Workspace.open(ws)) {
            int version = w.store().currentCaseVersion("support").orElseThrow();
            for (EvalCase c : w.store().cases("support", version)) {
                if (EvalCase.SPLIT_SEALED.equals(c.split())) {
                    secrets.add(c.input());
                    if (c.expected() != null) {
                        secrets.add(c.expected());
                    }
                }
            }
        }
        assertThat(secrets).hasSizeGreaterThan(50);
        for (String s : secrets) {
            String encoded = ResultJson.write(s);
            assertThat(text).as("sealed text").doesNotContain(encoded.substring(1, encoded.length() - 1));
        }
    }
}
