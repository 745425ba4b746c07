package dev.evalgap.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;
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
        @JsonProperty("thresholds") Map<String, Double> thresholds) {

    public static final int CURRENT_VERSION = 1;

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

    /** The field mapping of one stream ({@code traffic}, {@code cases}, {@code runs}, {@code kpis}); never null. */
    public Map<String, String> fieldsOf(String stream) {
        Map<String, String> m = fields == null ? null : fields.get(stream);
        return m == null ? Map.of() : m;
    }
}
