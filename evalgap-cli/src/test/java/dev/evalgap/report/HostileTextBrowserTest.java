package dev.evalgap.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.evalgap.cli.Cli;
import dev.evalgap.server.Dashboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production prompts are arbitrary user text. A workspace whose traffic, cases, release names and
 * segments carry script injections is opened as a report and as a dashboard; every text is shown,
 * drilled into and hovered over, and no script runs: the sentinel global stays unset, no dialog opens,
 * no element the texts describe exists, and the texts appear literally on the page.
 */
@Tag("browser")
class HostileTextBrowserTest {

    static final List<String> HOSTILE = List.of(
            "<script>window.__xss='script'</script>",
            "<img src=x onerror=\"window.__xss='img';alert('img')\">",
            "</textarea><svg onload=\"window.__xss='svg'\"></svg>",
            "<a href=\"javascript:window.__xss='link'\">click me</a>",
            "</script><script>window.__xss='break-out'</script>",
            "{{SCRIPTS}}<iframe src=\"javascript:alert('iframe')\"></iframe>",
            "\" onmouseover=\"window.__xss='attr'\" x=\"",
            "<style>body{display:none}</style>");
    static final String HOSTILE_RELEASE = "r2<img src=x onerror=alert('release')>";
    static final String HOSTILE_SEGMENT = "<b onclick=alert('segment')>pro</b>";

    @TempDir
    static Path dir;

    private static Chromium chromium;
    private static Path ws;

    @BeforeAll
    static void workspace() throws IOException {
        ws = dir.resolve("ws");
        Cli.ok("init", ws.toString());
        Path yaml = ws.resolve("evalgap.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceFirst("(?m)^  model: .*$", "  model: hashing"));
        ObjectMapper json = new ObjectMapper();
        Random rng = new Random(11);
        String[] topics = {"reset my password", "track my parcel", "change delivery address", "cancel my order",
                "refund for a broken item", "update billing card"};
        StringBuilder cases = new StringBuilder();
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String input = "how do I " + topics[i % topics.length] + " quickly, case " + i;
            if (i < HOSTILE.size()) {
                input = input + " " + HOSTILE.get(i);
            }
            cases.append(json.writeValueAsString(Map.of("case_id", "c" + i, "input", input))).append('\n');
            for (String release : new String[] {"r1", HOSTILE_RELEASE, "r3"}) {
                runs.append(json.writeValueAsString(Map.of("release", release, "case_id", "c" + i,
                        "score", Math.round(rng.nextDouble() * 100) / 100.0))).append('\n');
            }
        }
        StringBuilder traffic = new StringBuilder();
        String[] releases = {"r1", HOSTILE_RELEASE, "r3"};
        for (int i = 0; i < 600; i++) {
            int week = i / 200;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ts", String.format("2026-11-%02dT10:%02d:00Z", 2 + 7 * week + (i % 5), i % 60));
            boolean hostile = i % 4 == 0;
            r.put("text", hostile ? "my order widget is broken " + HOSTILE.get(i % HOSTILE.size()) + " help " + i
                    : "please " + topics[rng.nextInt(topics.length)] + " for me, ticket " + i);
            r.put("release", releases[week]);
            r.put("segment", i % 3 == 0 ? HOSTILE_SEGMENT : "free");
            r.put("thumbs", rng.nextDouble() < 0.3 ? (rng.nextBoolean() ? "up" : "down") : null);
            traffic.append(json.writeValueAsString(r)).append('\n');
        }
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        Files.writeString(dir.resolve("runs.jsonl"), runs);
        Files.writeString(dir.resolve("traffic.jsonl"), traffic);
        Cli.ok("ingest", "traffic", "-w", ws.toString(), dir.resolve("traffic.jsonl").toString());
        Cli.ok("ingest", "cases", "-w", ws.toString(), "--set", "support", dir.resolve("cases.jsonl").toString());
        Cli.ok("ingest", "runs", "-w", ws.toString(), dir.resolve("runs.jsonl").toString());
        Cli.ok("gap", "-w", ws.toString(), "--set", "support", "--window", "all", "--permutations", "100");
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void reportRendersHostileTextsAsText() {
        Path file = dir.resolve("report.html");
        Cli.ok("report", "-w", ws.toString(), "--out", file.toString(), "--candidates", "30");
        exercise(chromium.open(file.toUri().toString()), "xss-report");
    }

    @Test
    void dashboardRendersHostileTextsAsText() {
        try (Dashboard d = Dashboard.start(ws, new ReportSettings(null, null, 30), "127.0.0.1", 0)) {
            exercise(chromium.open("http://127.0.0.1:" + d.port() + "/"), "xss-dashboard");
        }
    }

    private static void exercise(Chromium.Watched w, String name) {
        Page page = w.page();
        assertThat(page.getAttribute("body", "data-rendered")).isEqualTo("true");
        Locator rows = page.locator("#topics-rows tbody tr");
        assertThat(rows.count()).isGreaterThan(1);
        for (int i = 0; i < rows.count(); i++) {
            rows.nth(i).click();
            hover(page, "#topics-chart");
        }
        hover(page, "#timeline-chart");
        page.locator("#timeline details summary").click();

        String all = page.locator("body").innerText();
        assertThat(all).as("hostile texts are shown as text").contains("<img src=x onerror=")
                .contains("<script>window.__xss='script'</script>").contains(HOSTILE_RELEASE);
        Chromium.screenshot(page, name);

        assertThat(page.evaluate("() => typeof window.__xss")).as("sentinel").isEqualTo("undefined");
        assertThat(page.evaluate("() => document.querySelectorAll('img, iframe, object, embed, svg, b, style:not(head style), a[href^=\"javascript\"]').length"))
                .as("elements described by the texts").isEqualTo(0);
        assertThat(page.evaluate("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"))
                .as("inline event handlers").isEqualTo(0);
        assertThat(w.dialogs()).as("dialogs").isEmpty();
        assertThat(w.errors()).as("console errors").isEmpty();
        assertThat(w.failedRequests()).as("failed requests").isEmpty();
    }

    private static void hover(Page page, String selector) {
        var box = page.locator(selector).boundingBox();
        for (double f : new double[] {0.2, 0.5, 0.8}) {
            page.mouse().move(box.x + box.width * f, box.y + box.height * 0.4);
        }
    }
}
