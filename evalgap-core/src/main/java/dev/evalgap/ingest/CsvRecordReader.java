package dev.evalgap.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * RFC 4180 CSV (commons-csv), UTF-8, first record is the header; quoted fields may span lines. Empty
 * lines are skipped; empty cells are left out of the record (an empty cell is an absent value); a
 * column with an empty header is ignored. A row with a different number of cells than the header is
 * a bad record; a syntax error (e.g. an unclosed quote) ends the reading.
 */
final class CsvRecordReader extends BaseReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .get();

    private final RecordingReader text;
    private final Sources.CountingInputStream counting;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private boolean done;

    CsvRecordReader(String file, InputStream in, DetectedFormat format, Sources.CountingInputStream counting) {
        super(file, format);
        this.counting = counting;
        this.text = new RecordingReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            this.parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get();
        } catch (IOException | UncheckedIOException e) {
            Sources.closeQuietly(text);
            IOException io = e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : (IOException) e;
            throw new IngestException(IngestError.ofLine(file, 1, describe(io)), e);
        } catch (IllegalArgumentException e) {
            Sources.closeQuietly(text);
            throw new IngestException(IngestError.ofLine(file, 1, "bad CSV header: " + e.getMessage()), e);
        }
        this.header = parser.getHeaderNames();
        text.take(parser.getCurrentLineNumber());
        this.records = parser.iterator();
    }

    @Override
    ReadResult fetch() {
        if (done) {
            return null;
        }
        CSVRecord r;
        try {
            if (!records.hasNext()) {
                done = true;
                return null;
            }
            r = records.next();
        } catch (UncheckedIOException e) {
            done = true;
            RecordingReader.Lines rest = text.rest();
            if (!format().gzip() && !isSyntaxError(e.getCause())) {
                throw new IngestException(IngestError.ofLine(file(), rest.first(), describe(e.getCause())), e);
            }
            return new BadRecord(rest.first(), rest.text(), describe(e.getCause()));
        }
        RecordingReader.Lines lines = text.take(parser.getCurrentLineNumber());
        if (r.size() != header.size()) {
            return new BadRecord(lines.first(), lines.text(),
                    "has " + r.size() + " values; the header has " + header.size() + " columns");
        }
        ObjectNode fields = Json.MAPPER.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String value = r.get(i);
            if (name != null && !name.isEmpty() && value != null && !value.isEmpty()) {
                fields.put(name, value);
            }
        }
        return new SourceRecord(lines.first(), fields, lines.text());
    }

    private String describe(IOException e) {
        if (isSyntaxError(e)) {
            return "not valid CSV: " + e.getMessage();
        }
        return Sources.describe(e, format().gzip());
    }

    private static boolean isSyntaxError(IOException e) {
        return e instanceof CSVException;
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public void close() {
        Sources.closeQuietly(parser);
        Sources.closeQuietly(text);
        Sources.closeQuietly(counting);
    }
}
