package dev.evalgap.ingest;

/**
 * Why one field of a record was rejected.
 *
 * @param field      canonical field name, e.g. {@code ts}
 * @param mappedFrom the source path when the field was mapped (or taken from chat {@code messages}),
 *                   else {@code null}
 * @param reason     e.g. {@code not a timestamp}, {@code missing}
 * @param value      the offending value as JSON (strings quoted, shortened), or {@code null}
 */
public record FieldError(String field, String mappedFrom, String reason, String value) {

    /** This error located in a file. */
    public IngestError at(String file, long line) {
        return new IngestError(file, line, field, mappedFrom, reason, value);
    }
}
