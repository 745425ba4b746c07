package dev.evalgap.demo;

import java.time.LocalDate;
import java.util.List;

/** An eval case the team wrote after a production incident, as given in the vocabulary. */
record Incident(
        String id,
        LocalDate created,
        List<String> tags,
        String input,
        String expected,
        String rationale,
        String sourceRef) {

    Incident {
        tags = List.copyOf(tags);
    }
}
