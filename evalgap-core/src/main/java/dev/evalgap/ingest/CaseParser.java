package dev.evalgap.ingest;

import dev.evalgap.store.EvalCase;
import java.time.LocalDate;
import java.util.List;

/**
 * Eval-case records into {@link EvalCase}s.
 *
 * <ul>
 *   <li>{@code case_id} and {@code input} required; when {@code input} is absent (or is itself a list of
 *       chat turns), the chosen user turn of {@code messages}, and {@code expected} the assistant
 *       turn after it (see {@link ChatTurn});</li>
 *   <li>{@code tags}: a JSON array, or a string split on {@code ;} (when it has one) else on
 *       {@code ,};</li>
 *   <li>{@code split}: {@code public} (the default) or {@code sealed}; {@code origin}: one of
 *       {@link #ORIGINS};</li>
 *   <li>{@code created}, {@code expires}: dates (a timestamp gives its UTC date).</li>
 * </ul>
 */
public final class CaseParser extends RecordParser<EvalCase> {

    public static final List<String> SPLITS = List.of(EvalCase.SPLIT_PUBLIC, EvalCase.SPLIT_SEALED);
    public static final List<String> ORIGINS = List.of("production-sample", "incident", "synthetic", "handwritten");

    public CaseParser(String file, IngestOptions options) {
        super(StreamKind.CASES, file, options, "input", "expected");
    }

    /** Case texts may be sealed: errors about them never quote the value. */
    @Override
    boolean hidesValueOf(String field) {
        return field.equals("input") || field.equals("expected") || field.equals("messages");
    }

    @Override
    EvalCase build(Fields f) {
        String caseId = f.requiredId("case_id");
        String input = f.requiredText("input");
        String expected = f.text("expected");
        List<String> tags = f.list("tags");
        String split = f.oneOf("split", SPLITS);
        String origin = f.oneOf("origin", ORIGINS);
        String rationale = f.text("rationale");
        String owner = f.id("owner");
        LocalDate created = f.date("created");
        LocalDate expires = f.date("expires");
        String labelSource = f.id("label_source");
        String sourceRef = f.id("source_ref");
        float[] embedding = f.vector("embedding");
        return new EvalCase(caseId, input, expected, tags, split == null ? EvalCase.SPLIT_PUBLIC : split, origin,
                rationale, owner, created, expires, labelSource, sourceRef, embedding);
    }
}
