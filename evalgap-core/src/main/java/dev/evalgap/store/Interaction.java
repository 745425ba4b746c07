package dev.evalgap.store;

import java.time.Instant;

/**
 * One production interaction as stored in the {@code traffic} table.
 *
 * <p>{@code id} is the user's id when given, else derived from the record's content, so
 * re-ingesting a file adds nothing. Feedback fields are {@code null} when the record does not
 * carry them: absent feedback is not negative feedback.
 */
public record Interaction(
        String id,
        Instant ts,
        String window,
        String text,
        String response,
        String release,
        String session,
        String segment,
        Double weight,
        Boolean thumbsUp,
        Boolean retried,
        Boolean edited,
        Boolean abandoned,
        Double csat,
        float[] embedding) {
}
