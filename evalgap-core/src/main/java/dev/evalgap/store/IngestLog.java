package dev.evalgap.store;

/** Provenance of one ingest: the files (as the user named them), their SHA-256, records read and rejected. */
public record IngestLog(String source, String sha256, long records, long rejected) {
}
