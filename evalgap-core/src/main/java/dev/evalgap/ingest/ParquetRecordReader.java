package dev.evalgap.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgap.store.ParquetRows;
import java.nio.file.Path;
import java.sql.SQLException;

/** Parquet rows through {@link ParquetRows}; {@code line} is the 1-based row number, {@code raw} the row as JSON. */
final class ParquetRecordReader extends BaseReader {

    private final Path path;
    private final boolean temporary;
    private final ParquetRows rows;
    private final long fileSize;
    private boolean done;

    /**
     * @param path      the Parquet file to read (a decompressed copy when {@code temporary})
     * @param fileSize  size of the user's file, reported by {@link #bytesRead()} at the end
     */
    ParquetRecordReader(String file, Path path, boolean temporary, DetectedFormat format, long fileSize) {
        super(file, format);
        this.fileSize = fileSize;
        this.path = path;
        this.temporary = temporary;
        try {
            this.rows = ParquetRows.open(path);
        } catch (SQLException | RuntimeException e) {
            if (temporary) {
                Sources.deleteQuietly(path);
            }
            throw new IngestException(IngestError.ofFile(file, "not a readable Parquet file: " + firstLine(e)), e);
        }
    }

    @Override
    ReadResult fetch() {
        if (done) {
            return null;
        }
        String json;
        try {
            if (!rows.next()) {
                done = true;
                return null;
            }
            json = rows.json();
        } catch (SQLException e) {
            done = true;
            throw new IngestException(IngestError.ofLine(file(), rows.row() + 1,
                    "cannot read Parquet row: " + firstLine(e)), e);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return new SourceRecord(rows.row(), node, json);
        } catch (JsonProcessingException e) {
            return new BadRecord(rows.row(), json, "cannot convert Parquet row: " + Json.shortMessage(e));
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    @Override
    public long bytesRead() {
        return done ? fileSize : 0;
    }

    @Override
    public void close() {
        rows.close();
        if (temporary) {
            Sources.deleteQuietly(path);
        }
    }
}
