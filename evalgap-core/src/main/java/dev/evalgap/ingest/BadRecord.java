package dev.evalgap.ingest;

/**
 * A record that could not be read at all (broken JSON line, CSV row with the wrong number of cells,
 * the place where a gzip stream breaks off). The reader goes on with the next record, except after a
 * broken stream ({@code unexpected end of gzip stream}) or a CSV/JSON-array syntax error, after which
 * nothing can be read reliably: then this is the last result.
 *
 * @param line   see {@link ReadResult#line()}
 * @param raw    the text of the record as far as it could be read
 * @param reason e.g. {@code not valid JSON: Unexpected end-of-input ...}
 */
public record BadRecord(long line, String raw, String reason) implements ReadResult {

    /** This problem as an error in {@code file}. */
    public IngestError toError(String file) {
        return IngestError.ofLine(file, line, reason);
    }
}
