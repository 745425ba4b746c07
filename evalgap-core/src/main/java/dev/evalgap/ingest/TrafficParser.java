package dev.evalgap.ingest;

import dev.evalgap.store.Interaction;
import java.time.Instant;

/**
 * Traffic records into {@link Interaction}s.
 *
 * <ul>
 *   <li>{@code ts} required, unless {@link IngestOptions#defaultTs()} is set; {@code window} is its
 *       label under {@link IngestOptions#window()};</li>
 *   <li>{@code text} required; when absent, the chosen user turn of {@code messages} (or of
 *       {@code text} itself when it is a list of chat turns), and {@code response} the assistant
 *       turn after it (see {@link ChatTurn});</li>
 *   <li>{@code weight} ≥ 0; {@code csat} finite; {@code thumbs} up/down (true/false, 1/0, +1/-1);
 *       {@code retried}, {@code edited}, {@code abandoned} booleans;</li>
 *   <li>{@code id}: the user's when given, else
 *       {@code sha256("traffic", ts, text, response, session, release)} truncated to 32 hex
 *       characters, {@code ts} as {@link Instant#toString()}, so the same interaction gets the same id
 *       from every format and re-ingesting it adds nothing.</li>
 * </ul>
 */
public final class TrafficParser extends RecordParser<Interaction> {

    public TrafficParser(String file, IngestOptions options) {
        super(StreamKind.TRAFFIC, file, options, "text", "response");
    }

    @Override
    Interaction build(Fields f) {
        Instant ts = f.timestamp("ts");
        if (ts == null) {
            ts = options().defaultTs();
            if (ts == null) {
                throw f.missing("ts", "missing (or give a default timestamp)");
            }
        }
        String text = f.requiredText("text");
        String id = f.id("id");
        String response = f.text("response");
        String release = f.id("release");
        String session = f.id("session");
        String segment = f.id("segment");
        Double weight = f.nonNegative("weight");
        Boolean thumbsUp = f.thumbs("thumbs");
        Boolean retried = f.flag("retried");
        Boolean edited = f.flag("edited");
        Boolean abandoned = f.flag("abandoned");
        Double csat = f.number("csat");
        float[] embedding = f.vector("embedding");
        if (id == null) {
            id = ContentId.of("traffic", ts.toString(), text, response, session, release);
        }
        return new Interaction(id, ts, options().window().label(ts), text, response, release, session, segment,
                weight, thumbsUp, retried, edited, abandoned, csat, embedding);
    }
}
