package dev.evalgap.ingest;

import java.nio.file.Path;
import java.util.Iterator;

/**
 * Streams the records of one file, in file order, holding at most one record (plus read buffers) in
 * memory. The format is detected from the bytes ({@link DetectedFormat}); gzip is decompressed on the
 * fly (gzipped Parquet is first decompressed to a temporary file, deleted on close).
 *
 * <p>Yields a {@link SourceRecord} per readable record and a {@link BadRecord} per unreadable one
 * (reading goes on with the next line). Throws {@link IngestException} for problems with the whole
 * file: missing or unreadable ({@code FILE: no such file}), empty ({@code FILE: empty file: no
 * records}, thrown by {@link #open}), or a read error. Not thread-safe.
 *
 * <pre>{@code
 * try (RecordReader r = RecordReader.open(path, "traffic.jsonl.gz")) {
 *     while (r.hasNext()) {
 *         ReadResult x = r.next();
 *         ...
 *     }
 * }
 * }</pre>
 */
public interface RecordReader extends AutoCloseable, Iterator<ReadResult> {

    /** Opens {@code file}, naming it in errors as {@code file.toString()}. */
    static RecordReader open(Path file) {
        return open(file, file.toString());
    }

    /**
     * Opens {@code file}, detects its format and checks that it holds at least one record.
     *
     * @param displayName the file as the user named it, used in every error message
     * @throws IngestException when the file is missing, unreadable or holds no record
     */
    static RecordReader open(Path file, String displayName) {
        return Sources.open(file, displayName);
    }

    /** The file as named in error messages. */
    String file();

    DetectedFormat format();

    @Override
    boolean hasNext();

    /** The next record or bad record. */
    @Override
    ReadResult next();

    /**
     * Bytes consumed from the file so far (compressed bytes for gzip), for progress against the file
     * size. For Parquet, 0 until the last row has been read, then the file size.
     */
    long bytesRead();

    /** Releases the file (and deletes a temporary decompressed copy). Never throws. */
    @Override
    void close();
}
