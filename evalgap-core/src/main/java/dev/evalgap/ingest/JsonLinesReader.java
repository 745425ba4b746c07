package dev.evalgap.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON lines: one object per {@code \n}-terminated line (a trailing {@code \r} is dropped), blank
 * lines skipped. Lines are split on bytes, so memory holds one line and one 64 KiB chunk; a line
 * over {@value #MAX_LINE} bytes is reported as bad and skipped.
 */
final class JsonLinesReader extends BaseReader {

    static final int MAX_LINE = 64 << 20;

    private final InputStream in;
    private final Sources.CountingInputStream counting;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int lim;
    private byte[] line = new byte[8192];
    private int lineLen;
    private boolean overflow;
    private long lineNo;
    private boolean done;

    JsonLinesReader(String file, InputStream in, DetectedFormat format, Sources.CountingInputStream counting) {
        super(file, format);
        this.in = in;
        this.counting = counting;
    }

    @Override
    ReadResult fetch() {
        while (!done) {
            boolean terminated;
            try {
                terminated = readLine();
            } catch (IOException e) {
                done = true;
                if (!format().gzip()) {
                    throw new IngestException(IngestError.ofLine(file(), lineNo + 1,
                            Sources.describe(e, false)), e);
                }
                return new BadRecord(++lineNo, text(), Sources.describe(e, true));
            }
            if (!terminated) {
                done = true;
                if (lineLen == 0) {
                    return null;
                }
            }
            lineNo++;
            if (lineLen > 0 && line[lineLen - 1] == '\r') {
                lineLen--;
            }
            if (overflow) {
                return new BadRecord(lineNo, new String(line, 0, Math.min(lineLen, 1000), StandardCharsets.UTF_8) + "\u2026",
                        "line longer than " + (MAX_LINE >> 20) + " MiB");
            }
            if (isBlank()) {
                continue;
            }
            return parse();
        }
        return null;
    }

    private ReadResult parse() {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line, 0, lineLen);
        } catch (JsonProcessingException e) {
            return new BadRecord(lineNo, text(), "not valid JSON: " + Json.shortMessage(e));
        } catch (IOException e) {
            return new BadRecord(lineNo, text(), "not valid JSON: " + e.getMessage());
        }
        if (!node.isObject()) {
            return new BadRecord(lineNo, text(), "not a JSON object");
        }
        return new SourceRecord(lineNo, node, text());
    }

    /** Reads up to and including the next {@code \n}; false at end of input without one. */
    private boolean readLine() throws IOException {
        lineLen = 0;
        overflow = false;
        while (true) {
            if (pos == lim) {
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    return false;
                }
                pos = 0;
                lim = n;
            }
            int nl = pos;
            while (nl < lim && chunk[nl] != '\n') {
                nl++;
            }
            append(pos, nl - pos);
            if (nl < lim) {
                pos = nl + 1;
                return true;
            }
            pos = lim;
        }
    }

    private void append(int from, int n) {
        if (overflow || n == 0) {
            return;
        }
        if (lineLen + n > MAX_LINE) {
            overflow = true;
            return;
        }
        if (lineLen + n > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLen + n, Math.min(MAX_LINE, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, lineLen, n);
        lineLen += n;
    }

    private boolean isBlank() {
        for (int i = 0; i < lineLen; i++) {
            if (!Sources.isBlank(line[i])) {
                return false;
            }
        }
        return true;
    }

    private String text() {
        return new String(line, 0, lineLen, StandardCharsets.UTF_8);
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public void close() {
        Sources.closeQuietly(in);
        Sources.closeQuietly(counting);
    }
}
