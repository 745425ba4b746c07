package dev.evalgap.ingest;

import java.util.Objects;

/**
 * A problem that stops ingestion of a file (missing or empty file, undetectable format) or a
 * configuration problem (unknown mapped field, malformed {@code --field}). Problems with single
 * records are not thrown: readers return a {@link BadRecord} and parsers a failed {@link Parsed}.
 */
public final class IngestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient IngestError error;

    public IngestException(IngestError error) {
        this(error, null);
    }

    public IngestException(IngestError error, Throwable cause) {
        super(Objects.requireNonNull(error).message(), cause);
        this.error = error;
    }

    public IngestError error() {
        return error;
    }
}
