package dev.evalgap.ingest;

/** The record formats evalgap reads, each also gzip-compressed. Detected from the bytes, never from the name. */
public enum Format {
    /** One JSON object per line; detected by a first non-blank character {@code {}. */
    JSONL,
    /** One JSON array of objects, {@code [ {...}, ... ]}; detected by a first non-blank character {@code [}. */
    JSON_ARRAY,
    /** RFC 4180 CSV with a header row, UTF-8; anything that is not one of the others. */
    CSV,
    /** Apache Parquet, detected by the magic {@code PAR1}. */
    PARQUET
}
