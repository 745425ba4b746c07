package dev.evalgap.ingest;

/** What an ingest does with a record that fails validation. */
public enum OnError {
    /** Write nothing from the file and report the first bad record. */
    FAIL,
    /** Write the good records; keep every bad one verbatim, with its reason, in a rejects file. */
    SKIP
}
