package dev.evalgap.ingest;

/**
 * One problem found while ingesting, located as precisely as known, rendered by {@link #message()} as
 * <pre>
 *   FILE:LINE: field 'ts': not a timestamp ("yesterday")
 *   FILE:LINE: field 'text' (mapped from 'prompt'): missing
 *   FILE:LINE: not valid JSON: Unexpected end-of-input ...
 *   FILE: empty file: no records
 *   unknown field 'txet' for traffic; valid: ts, text, ...
 * </pre>
 *
 * @param file       the file as the user named it, or {@code null} for a configuration problem
 * @param line       1-based line (JSON lines: physical line; CSV: the record's first line; Parquet: row
 *                   number), or 0 when the problem concerns the whole file
 * @param field      canonical field name, or {@code null} when the problem is not about one field
 * @param mappedFrom the source path the field was read from when it was mapped, else {@code null}
 * @param reason     what is wrong, e.g. {@code not a timestamp}
 * @param value      the offending value as JSON (strings quoted, at most 80 characters), or {@code null}
 */
public record IngestError(String file, long line, String field, String mappedFrom, String reason, String value) {

    /** A problem with the whole file, e.g. {@code empty file: no records}. */
    public static IngestError ofFile(String file, String reason) {
        return new IngestError(file, 0, null, null, reason, null);
    }

    /** A problem with one record that is not about one field, e.g. broken JSON. */
    public static IngestError ofLine(String file, long line, String reason) {
        return new IngestError(file, line, null, null, reason, null);
    }

    /** A configuration problem, not tied to a file. */
    public static IngestError ofConfig(String reason) {
        return new IngestError(null, 0, null, null, reason, null);
    }

    /** The one-line message, e.g. {@code traffic.jsonl:7: field 'ts': not a timestamp ("yesterday")}. */
    public String message() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (field != null) {
            sb.append("field '").append(field).append('\'');
            if (mappedFrom != null) {
                sb.append(" (mapped from '").append(mappedFrom).append("')");
            }
            sb.append(": ");
        }
        sb.append(reason);
        if (value != null) {
            sb.append(" (").append(value).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
