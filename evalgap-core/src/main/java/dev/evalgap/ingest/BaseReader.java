package dev.evalgap.ingest;

import java.util.NoSuchElementException;

/** One-result lookahead shared by the format readers. */
abstract class BaseReader implements RecordReader {

    private final String file;
    private final DetectedFormat format;
    private ReadResult lookahead;
    private boolean fetched;

    BaseReader(String file, DetectedFormat format) {
        this.file = file;
        this.format = format;
    }

    /** The next result, or {@code null} at the end. */
    abstract ReadResult fetch();

    @Override
    public final String file() {
        return file;
    }

    @Override
    public final DetectedFormat format() {
        return format;
    }

    @Override
    public final boolean hasNext() {
        if (!fetched) {
            lookahead = fetch();
            fetched = true;
        }
        return lookahead != null;
    }

    @Override
    public final ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        fetched = false;
        ReadResult r = lookahead;
        lookahead = null;
        return r;
    }
}
