package dev.evalgap.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as read, before mapping and validation.
 *
 * @param line   see {@link ReadResult#line()}
 * @param fields a JSON object; for CSV every non-empty cell is a string under its column name (empty
 *               cells are absent), for Parquet nested structs and lists are objects and arrays
 * @param raw    see {@link ReadResult#raw()}
 */
public record SourceRecord(long line, JsonNode fields, String raw) implements ReadResult {
}
