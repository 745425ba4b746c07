package dev.evalgap.report;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright (installed by scripts/ensure-chromium.sh before the tests).
 * Every page opened records console errors, uncaught exceptions, failed requests and dialogs, so a
 * test can assert that a page rendered cleanly and that no injected script ran.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "browser");

    private final Playwright playwright;
    private final Browser browser;

    /** What happened on one page. */
    record Watched(Page page, List<String> errors, List<String> failedRequests, List<String> dialogs) {
    }

    Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: run scripts/ensure-chromium.sh (mvn verify does)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** Opens {@code url} on a laptop-sized screen and waits until the page says it rendered. */
    Watched open(String url) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        Page page = context.newPage();
        List<String> errors = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> dialogs = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add("console: " + m.text());
            }
        });
        page.onPageError(e -> errors.add("uncaught: " + e));
        page.onRequestFailed(r -> failed.add(r.url() + " " + r.failure()));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                failed.add(r.url() + " HTTP " + r.status());
            }
        });
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        page.navigate(url);
        page.waitForSelector("body[data-rendered]");
        return new Watched(page, errors, failed, dialogs);
    }

    static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    static Path screenshotOf(Page page, String selector, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.locator(selector).screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(file));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
