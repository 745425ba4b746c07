package dev.evalgap.ingest;

import java.util.List;
import java.util.Locale;

/** The kinds of input evalgap ingests, with their canonical field names. */
public enum StreamKind {

    /** Production interactions: {@code ts} and {@code text} required (or {@code messages}). */
    TRAFFIC("traffic", List.of("ts", "text"),
            List.of("ts", "text", "id", "response", "release", "session", "segment", "weight",
                    "thumbs", "retried", "edited", "abandoned", "csat", "embedding", "messages")),

    /** Eval cases: {@code case_id} and {@code input} required (or {@code messages}). */
    CASES("cases", List.of("case_id", "input"),
            List.of("case_id", "input", "expected", "tags", "split", "origin", "rationale", "owner",
                    "created", "expires", "label_source", "source_ref", "embedding", "messages")),

    /** Offline eval results: one score of one release on one case. */
    RUNS("runs", List.of("release", "case_id", "score"),
            List.of("release", "case_id", "score", "grader", "output")),

    /** Online KPI values per release and/or window. */
    KPIS("kpis", List.of("metric", "value"),
            List.of("release", "window", "metric", "value", "n")),

    /** Ratings of items by human raters and LLM judges: one score of one item by one rater. */
    RATINGS("ratings", List.of("item_id", "rater", "score"),
            List.of("item_id", "rater", "score", "rater_kind", "rater_version", "rubric_version", "scale", "ts",
                    "anchor", "output_len", "output_model", "output_len_b", "output_model_b", "shown_first",
                    "contrast_pair", "contrast_side"));

    private final String label;
    private final List<String> required;
    private final List<String> fields;

    StreamKind(String label, List<String> required, List<String> fields) {
        this.label = label;
        this.required = required;
        this.fields = fields;
    }

    /**
     * Lower-case name as used in the CLI and config: {@code traffic}, {@code cases}, {@code runs}, {@code kpis},
     * {@code ratings}.
     */
    public String label() {
        return label;
    }

    /**
     * Every field a mapping may target, required first. {@code messages} (traffic, cases) is the
     * source of OpenAI-style chat turns used when {@code text}/{@code input} is absent.
     */
    public List<String> fields() {
        return fields;
    }

    /** Fields without which a record is rejected (kpis also need {@code release} or {@code window}). */
    public List<String> required() {
        return required;
    }

    /** By label, case-insensitive. */
    public static StreamKind parse(String s) {
        for (StreamKind k : values()) {
            if (k.label.equals(s == null ? null : s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IngestException(IngestError.ofConfig(
                "unknown stream '" + s + "'; valid: traffic, cases, runs, kpis, ratings"));
    }
}
