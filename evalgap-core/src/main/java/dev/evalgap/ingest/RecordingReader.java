package dev.evalgap.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Keeps the characters the CSV parser has read but whose records have not been handed out yet, so
 * each record's verbatim text and first line can be recovered from the parser's line count. Holds one
 * record plus the parser's read-ahead.
 *
 * <p>Line breaks are counted as commons-csv counts them: {@code \n}, {@code \r\n} or a lone
 * {@code \r}.
 */
final class RecordingReader extends Reader {

    private static final int COMPACT_AT = 1 << 16;

    private final Reader in;
    private final StringBuilder buf = new StringBuilder();
    /** Index in {@code buf} where line {@code posLine} starts. */
    private int pos;
    private long posLine = 1;

    RecordingReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = in.read(cbuf, off, len);
        if (n > 0) {
            buf.append(cbuf, off, n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The lines of one record. */
    record Lines(long first, String text) {
    }

    /**
     * Hands out the lines from the current position through line {@code last} (skipping empty lines
     * before the record), without the final line break, and moves past them.
     */
    Lines take(long last) {
        skipEmptyLines(last);
        long first = posLine;
        int start = pos;
        int end = pos;
        while (posLine <= last) {
            end = lineEnd(pos);
            pos = nextLineStart(end);
            posLine++;
            if (end == buf.length()) {
                break;
            }
        }
        String text = buf.substring(start, end);
        if (pos > COMPACT_AT && pos > buf.length() / 2) {
            buf.delete(0, pos);
            pos = 0;
        }
        return new Lines(first, text);
    }

    /** Everything read after the handed-out lines, from its first non-empty line. */
    Lines rest() {
        skipEmptyLines(Long.MAX_VALUE);
        return new Lines(posLine, buf.substring(pos));
    }

    private void skipEmptyLines(long last) {
        while (posLine <= last && pos < buf.length() && lineEnd(pos) == pos) {
            pos = nextLineStart(pos);
            posLine++;
        }
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < buf.length()) {
            char c = buf.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
            i++;
        }
        return i;
    }

    private int nextLineStart(int end) {
        if (end >= buf.length()) {
            return buf.length();
        }
        if (buf.charAt(end) == '\r' && end + 1 < buf.length() && buf.charAt(end + 1) == '\n') {
            return end + 2;
        }
        return end + 1;
    }
}
