package dev.evalgap.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * How to read one stream.
 *
 * @param mapping   canonical field to source path; its {@link FieldMapping#stream()} is the stream
 * @param chatTurn  which user turn of a chat record becomes the text
 * @param window    window scheme for traffic records
 * @param defaultTs used for traffic records without {@code ts} ({@code --default-ts}); {@code null}:
 *                  a missing {@code ts} is an error
 */
public record IngestOptions(FieldMapping mapping, ChatTurn chatTurn, WindowScheme window, Instant defaultTs) {

    public IngestOptions {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(chatTurn, "chatTurn");
        Objects.requireNonNull(window, "window");
    }

    /** Identity mapping, last user turn, ISO weeks, no default timestamp. */
    public static IngestOptions defaults(StreamKind stream) {
        return new IngestOptions(FieldMapping.identity(stream), ChatTurn.LAST, WindowScheme.ISO_WEEK, null);
    }

    public StreamKind stream() {
        return mapping.stream();
    }

    public IngestOptions withMapping(FieldMapping m) {
        return new IngestOptions(m, chatTurn, window, defaultTs);
    }

    public IngestOptions withChatTurn(ChatTurn t) {
        return new IngestOptions(mapping, t, window, defaultTs);
    }

    public IngestOptions withWindow(WindowScheme w) {
        return new IngestOptions(mapping, chatTurn, w, defaultTs);
    }

    public IngestOptions withDefaultTs(Instant ts) {
        return new IngestOptions(mapping, chatTurn, window, ts);
    }
}
