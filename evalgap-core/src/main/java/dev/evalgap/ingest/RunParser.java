package dev.evalgap.ingest;

import dev.evalgap.store.RunResult;

/**
 * Eval-result records into {@link RunResult}s: {@code release}, {@code case_id} and {@code score}
 * required. {@code score} is a finite number; a pass/fail grader's {@code true}/{@code false} reads
 * as 1/0. {@code id} = {@code sha256("runs", release, case_id, grader)} truncated to 32 hex
 * characters: one score per release, case and grader, and a re-run replaces it.
 */
public final class RunParser extends RecordParser<RunResult> {

    public RunParser(String file, IngestOptions options) {
        super(StreamKind.RUNS, file, options, null, null);
    }

    /** A run's output may answer a sealed case: errors about it never quote the value. */
    @Override
    boolean hidesValueOf(String field) {
        return field.equals("output");
    }

    @Override
    RunResult build(Fields f) {
        String release = f.requiredId("release");
        String caseId = f.requiredId("case_id");
        double score = f.requiredNumber("score", true);
        String grader = f.id("grader");
        String output = f.text("output");
        return new RunResult(ContentId.of("runs", release, caseId, grader), release, caseId, score, grader, output);
    }
}
