package dev.evalgap.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the self-contained report of a workspace's views. */
public final class ReportFile {

    private ReportFile() {
    }

    /**
     * @param window the window of the gap view, the gate and the candidates; null = the newest with a stored gap
     * @return the data the report embeds (every view)
     */
    public static ObjectNode write(ReportViews views, String window, Path out) {
        String shown = window != null ? window : views.newestGapWindow().orElse(null);
        ObjectNode data = views.report(shown);
        String subtitle = "eval set " + views.setName() + (shown == null ? "" : ", " + shown);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, HtmlPage.report(subtitle, data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return data;
    }
}
