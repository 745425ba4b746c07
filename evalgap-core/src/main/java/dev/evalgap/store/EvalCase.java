package dev.evalgap.store;

import java.time.LocalDate;
import java.util.List;

/** One case of an eval set, with its provenance. Optional fields are {@code null} when absent. */
public record EvalCase(
        String caseId,
        String input,
        String expected,
        List<String> tags,
        String split,
        String origin,
        String rationale,
        String owner,
        LocalDate created,
        LocalDate expires,
        String labelSource,
        String sourceRef,
        float[] embedding) {

    public static final String SPLIT_PUBLIC = "public";
    public static final String SPLIT_SEALED = "sealed";
}
