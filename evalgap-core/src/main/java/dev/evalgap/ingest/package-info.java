/**
 * Reading and validating the files users already have: production traffic, eval cases, eval results
 * (runs), online KPIs and ratings by human raters and LLM judges.
 *
 * <p>Three steps, each streaming one record at a time:
 * <ol>
 *   <li>{@link dev.evalgap.ingest.RecordReader} detects the format from the bytes (JSON lines, JSON
 *       array, CSV, Parquet, each optionally gzip-compressed) and yields
 *       {@link dev.evalgap.ingest.SourceRecord}s or {@link dev.evalgap.ingest.BadRecord}s;</li>
 *   <li>a {@link dev.evalgap.ingest.FieldMapping} says where each canonical field is in the user's
 *       records ({@code --field text=prompt}, dotted paths for nested JSON);</li>
 *   <li>a {@link dev.evalgap.ingest.RecordParser} per stream validates a record into
 *       {@code Interaction}, {@code EvalCase}, {@code RunResult}, {@code KpiObservation} or {@code Rating}, or
 *       rejects it with an {@link dev.evalgap.ingest.IngestError} of the form
 *       {@code FILE:LINE: field 'ts': not a timestamp ("yesterday")}.</li>
 * </ol>
 * Writing to the store (one transaction per file) and the rejects file is the caller's job. This
 * package holds no SQL: Parquet is read through {@link dev.evalgap.store.ParquetRows}.
 */
package dev.evalgap.ingest;
