package dev.evalgap.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON array of objects, {@code [ {...}, ... ]}, read element by element with Jackson's streaming
 * parser (one element in memory). {@code line} is the line where the element starts; {@code raw} is
 * the element as compact JSON. A syntax error ends the reading: its position cannot be resynchronised.
 */
final class JsonArrayReader extends BaseReader {

    private final InputStream in;
    private final Sources.CountingInputStream counting;
    private JsonParser parser;
    private boolean done;

    JsonArrayReader(String file, InputStream in, DetectedFormat format, Sources.CountingInputStream counting) {
        super(file, format);
        this.in = in;
        this.counting = counting;
    }

    @Override
    ReadResult fetch() {
        if (done) {
            return null;
        }
        try {
            if (parser == null) {
                parser = Json.ELEMENTS.createParser(in);
                parser.nextToken(); // START_ARRAY: the first non-blank character was '['
            }
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                done = true;
                if (parser.nextToken() != null) {
                    return new BadRecord(line(), "", "content after the closing ']'");
                }
                return null;
            }
            if (t == null) {
                done = true;
                return new BadRecord(line(), "", "not valid JSON: end of input before the closing ']'");
            }
            long line = line();
            JsonNode node = parser.readValueAsTree();
            if (node == null || !node.isObject()) {
                return new BadRecord(line, String.valueOf(node), "not a JSON object");
            }
            return new SourceRecord(line, node, node.toString());
        } catch (JsonProcessingException e) {
            done = true;
            long line = e.getLocation() != null ? e.getLocation().getLineNr() : line();
            return new BadRecord(line, "", "not valid JSON: " + Json.shortMessage(e));
        } catch (IOException e) {
            done = true;
            long line = parser == null ? 1 : Math.max(1, parser.currentLocation().getLineNr());
            if (!format().gzip()) {
                throw new IngestException(IngestError.ofLine(file(), line, Sources.describe(e, false)), e);
            }
            return new BadRecord(line, "", Sources.describe(e, true));
        }
    }

    private long line() {
        return parser == null ? 1 : Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public void close() {
        Sources.closeQuietly(parser);
        Sources.closeQuietly(in);
        Sources.closeQuietly(counting);
    }
}
