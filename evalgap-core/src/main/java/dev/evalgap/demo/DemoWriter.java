package dev.evalgap.demo;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the demo's files. The field names here are the documented file schemas. */
final class DemoWriter {

    private DemoWriter() {
    }

    static void traffic(Path path, List<TrafficRecord> traffic) throws IOException {
        try (JsonLines out = JsonLines.create(path, true)) {
            for (TrafficRecord r : traffic) {
                out.line(g -> {
                    g.writeStringField("id", r.id());
                    g.writeStringField("ts", r.ts().toString());
                    g.writeStringField("text", r.text());
                    g.writeStringField("response", r.response());
                    g.writeStringField("release", r.release());
                    g.writeStringField("session", r.session());
                    g.writeStringField("segment", r.segment());
                    g.writeNumberField("weight", r.weight());
                    FeedbackModel.Feedback f = r.feedback();
                    if (f.thumbsUp() != null) {
                        g.writeStringField("thumbs", f.thumbsUp() ? "up" : "down");
                    }
                    g.writeBooleanField("retried", f.retried());
                    g.writeBooleanField("edited", f.edited());
                    g.writeBooleanField("abandoned", f.abandoned());
                    if (f.csat() != null) {
                        g.writeNumberField("csat", f.csat());
                    }
                });
            }
        }
    }

    static void truth(Path path, List<TrafficRecord> traffic) throws IOException {
        try (JsonLines out = JsonLines.create(path, true)) {
            for (TrafficRecord r : traffic) {
                out.line(g -> {
                    g.writeStringField("id", r.id());
                    g.writeStringField("week", Timeline.isoWeek(r.week()));
                    g.writeStringField("intent", r.intent().name());
                    g.writeStringField("group", r.intent().group().tag());
                    g.writeStringField("register", r.register().tag());
                    g.writeBooleanField("satisfied", r.feedback().helped());
                });
            }
        }
    }

    static void cases(Path path, List<DemoCase> cases) throws IOException {
        try (JsonLines out = JsonLines.create(path, false)) {
            for (DemoCase c : cases) {
                out.line(g -> {
                    g.writeStringField("case_id", c.caseId());
                    g.writeStringField("input", c.input());
                    g.writeStringField("expected", c.expected());
                    writeStrings(g, "tags", c.tags());
                    g.writeStringField("origin", c.origin());
                    g.writeStringField("rationale", c.rationale());
                    g.writeStringField("owner", c.owner());
                    g.writeStringField("created", c.created().toString());
                    g.writeStringField("label_source", c.labelSource());
                    if (c.sourceRef() != null) {
                        g.writeStringField("source_ref", c.sourceRef());
                    }
                });
            }
        }
    }

    static void runs(Path path, List<RunScorer.RunRecord> runs) throws IOException {
        try (JsonLines out = JsonLines.create(path, false)) {
            for (RunScorer.RunRecord r : runs) {
                out.line(g -> {
                    g.writeStringField("release", r.release());
                    g.writeStringField("case_id", r.caseId());
                    g.writeNumberField("score", r.score());
                    g.writeStringField("grader", r.grader());
                });
            }
        }
    }

    static void ratings(Path path, List<RatingsGenerator.RatingRecord> ratings) throws IOException {
        try (JsonLines out = JsonLines.create(path, false)) {
            for (RatingsGenerator.RatingRecord r : ratings) {
                out.line(g -> {
                    g.writeStringField("item_id", r.itemId());
                    g.writeStringField("rater", r.rater());
                    g.writeStringField("rater_kind", r.raterKind());
                    g.writeStringField("rater_version", r.raterVersion());
                    g.writeStringField("rubric_version", RatingsGenerator.RUBRIC);
                    g.writeStringField("scale", RatingsGenerator.SCALE);
                    if (r.score() != null) {
                        g.writeNumberField("score", r.score());
                    } else {
                        g.writeStringField("score", r.reply());
                    }
                    g.writeStringField("ts", r.ts().toString());
                    g.writeBooleanField("anchor", r.anchor());
                    g.writeNumberField("output_len", r.outputLength());
                    if (r.contrastPair() != null) {
                        g.writeStringField("contrast_pair", r.contrastPair());
                        g.writeStringField("contrast_side", r.contrastSide());
                    }
                });
            }
        }
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
