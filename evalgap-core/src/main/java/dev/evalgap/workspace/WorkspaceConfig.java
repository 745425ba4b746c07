package dev.evalgap.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.evalgap.gap.GapOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of {@code evalgap.yaml}. Absent keys take the defaults of the template that
 * {@code evalgap init} writes; unknown keys are an error, so a typo never silently changes a figure.
 */
public record WorkspaceConfig(
        @JsonProperty("version") int version,
        @JsonProperty("window") String window,
        @JsonProperty("seed") long seed,
        @JsonProperty("embedding") Embedding embedding,
        @JsonProperty("chat_user_turn") String chatUserTurn,
        @JsonProperty("fields") Map<String, Map<String, String>> fields,
        @JsonProperty("gap") Gap gap,
        @JsonProperty("thresholds") Map<String, Double> thresholds,
        @JsonProperty("policies") Map<String, String> policies) {

    public static final int CURRENT_VERSION = 1;

    /**
     * Maps read-only (null entries kept: a null threshold means "not checked"), as the built-in defaults are
     * one instance shared by every caller of {@link Workspace#defaultConfig()}.
     */
    public WorkspaceConfig {
        if (fields != null) {
            Map<String, Map<String, String>> copy = new LinkedHashMap<>();
            fields.forEach((stream, mapping) -> copy.put(stream, mapping == null ? null : readOnly(mapping)));
            fields = Collections.unmodifiableMap(copy);
        }
        thresholds = thresholds == null ? null : readOnly(thresholds);
        policies = policies == null ? null : readOnly(policies);
    }

    private static <V> Map<String, V> readOnly(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public record Embedding(@JsonProperty("model") String model) {
    }

    public record Gap(
            @JsonProperty("sample") int sample,
            @JsonProperty("folds") int folds,
            @JsonProperty("bootstrap") int bootstrap,
            @JsonProperty("confidence") double confidence,
            @JsonProperty("permutations") int permutations,
            @JsonProperty("topics") int topics) {
    }

    /**
     * The gap parameters of {@code gap:}, with the command line's overrides where given (null = configured).
     */
    public GapOptions gapOptions(Long seedOverride, Integer permutationsOverride, Integer topicsOverride) {
        return new GapOptions(gap.folds(), gap.bootstrap(), gap.confidence(),
                permutationsOverride != null ? permutationsOverride : gap.permutations(),
                topicsOverride != null ? topicsOverride : gap.topics(),
                seedOverride != null ? seedOverride : seed);
    }

    /**
     * The current version of each policy document eval cases cite ({@code policies: {refund: v3}}); a
     * case whose {@code source_ref} is {@code policy:NAME@VERSION} with another version is stale.
     * Never null.
     */
    public Map<String, String> policiesOrEmpty() {
        Map<String, String> out = new java.util.TreeMap<>();
        if (policies != null) {
            policies.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    out.put(k, v.strip());
                }
            });
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The thresholds of {@code evalgap check} and the gates; a key set to null is not checked. Never null. */
    public Map<String, Double> thresholdsOrEmpty() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (thresholds != null) {
            thresholds.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    /** The field mapping of one stream ({@code traffic}, {@code cases}, {@code runs}, {@code kpis}); never null. */
    public Map<String, String> fieldsOf(String stream) {
        Map<String, String> m = fields == null ? null : fields.get(stream);
        return m == null ? Map.of() : m;
    }
}
