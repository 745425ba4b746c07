package dev.evalgap.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * One eval case as written to {@code cases.jsonl}. {@code sourceRef} is null when it does not
 * apply; {@code register} is how the input is written (drives its difficulty in {@link RunScorer}).
 */
record DemoCase(
        String caseId,
        String input,
        String expected,
        List<String> tags,
        String origin,
        String rationale,
        String owner,
        LocalDate created,
        String labelSource,
        String sourceRef,
        Register register) {

    static final String PRODUCTION_SAMPLE = "production-sample";
    static final String HANDWRITTEN = "handwritten";
    static final String INCIDENT = "incident";

    DemoCase {
        tags = List.copyOf(tags);
    }
}
