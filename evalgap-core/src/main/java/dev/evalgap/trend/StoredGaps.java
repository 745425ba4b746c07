package dev.evalgap.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgap.ResultJson;
import dev.evalgap.stats.Interval;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stored gap results ({@code results} rows of analysis {@code gap}), read with Jackson as JSON trees. */
public final class StoredGaps {

    /** One stored result: its figures for the timeline and the whole JSON tree (for the topic map). */
    public record Stored(GapPoint point, JsonNode json) {
    }

    private StoredGaps() {
    }

    /**
     * @param newestFirst stored gap results as JSON, newest first ({@code Store.results("gap")})
     * @param setName     the eval set
     * @return per window, the newest result comparing {@code setName}
     */
    public static Map<String, Stored> latestByWindow(List<String> newestFirst, String setName) {
        Map<String, Stored> out = new HashMap<>();
        for (String text : newestFirst) {
            JsonNode json;
            try {
                json = ResultJson.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored gap result is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (!setName.equals(json.path("setName").asText(null)) || !json.hasNonNull("window")) {
                continue;
            }
            String window = json.get("window").asText();
            if (!out.containsKey(window)) {
                out.put(window, new Stored(point(json), json));
            }
        }
        return out;
    }

    private static GapPoint point(JsonNode json) {
        JsonNode figures = json.path("figures");
        JsonNode c2st = figures.path("c2st");
        JsonNode coverage = figures.path("coverage");
        boolean hasCoverage = coverage.isObject();
        JsonNode noCase = figures.path("topics").path("noCaseShare");
        String computedAt = json.path("provenance").path("computedAt").asText(null);
        return new GapPoint(json.get("window").asText(), json.path("setVersion").asInt(),
                c2st.path("gapScore").asDouble(Double.NaN), interval(c2st.path("gapInterval")),
                hasCoverage ? coverage.path("relativeCoverage").asDouble(Double.NaN) : null,
                hasCoverage ? interval(coverage.path("relativeCoverageInterval")) : null,
                hasCoverage ? coverage.path("uncoveredShare").asDouble(Double.NaN) : null,
                hasCoverage ? interval(coverage.path("uncoveredShareInterval")) : null,
                noCase.isNumber() ? noCase.asDouble() : null,
                json.path("evalSample").asInt(), json.path("productionSample").asInt(),
                json.path("embedder").asText(null), json.path("seed").asLong(),
                computedAt == null ? null : Instant.parse(computedAt));
    }

    /** An interval node {low, high, confidence}; {@code null} when absent or not finite. */
    static Interval interval(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        double low = node.path("low").asDouble(Double.NaN);
        double high = node.path("high").asDouble(Double.NaN);
        double confidence = node.path("confidence").asDouble(Double.NaN);
        if (!(low <= high) || !(confidence > 0 && confidence < 1)) {
            return null;
        }
        return new Interval(low, high, confidence);
    }
}
