package dev.evalgap.ingest;

/** What a {@link RecordReader} yields per record: a {@link SourceRecord} or a {@link BadRecord}. */
public sealed interface ReadResult permits SourceRecord, BadRecord {

    /**
     * 1-based position: the physical line (JSON lines), the record's first line (CSV, JSON array),
     * or the row number (Parquet).
     */
    long line();

    /** The record's text: verbatim for JSON lines and CSV; compact JSON for Parquet rows and JSON-array elements. */
    String raw();
}
