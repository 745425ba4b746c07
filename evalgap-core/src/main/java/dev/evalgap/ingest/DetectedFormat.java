package dev.evalgap.ingest;

import java.nio.file.Path;

/**
 * A file's format as detected from its first bytes.
 *
 * @param format the record format (inside the gzip stream when {@code gzip})
 * @param gzip   whether the file is gzip-compressed (magic {@code 1f 8b})
 */
public record DetectedFormat(Format format, boolean gzip) {

    /**
     * Detects the format of {@code file} by reading its first bytes.
     *
     * @throws IngestException when the file is missing, unreadable or empty
     */
    public static DetectedFormat of(Path file) {
        try (RecordReader r = RecordReader.open(file)) {
            return r.format();
        }
    }

    @Override
    public String toString() {
        String f = format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return gzip ? f + "+gzip" : f;
    }
}
