package dev.evalgap.ingest;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens a file, detects its format from the first bytes and hands the stream to the right reader. */
final class Sources {

    static final String EMPTY = "empty file: no records";
    static final String GZIP_EOF = "unexpected end of gzip stream";

    /** How far to look for the first non-blank character. */
    private static final int MAX_PEEK = 1 << 20;
    private static final int GZIP_BUFFER = 1 << 16;

    private Sources() {
    }

    static RecordReader open(Path path, String file) {
        if (Files.isDirectory(path)) {
            throw new IngestException(IngestError.ofFile(file, "is a directory, not a file"));
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new IngestException(IngestError.ofFile(file, "no such file"), e);
        } catch (AccessDeniedException e) {
            throw new IngestException(IngestError.ofFile(file, "cannot read: permission denied"), e);
        } catch (IOException | SecurityException e) {
            throw new IngestException(IngestError.ofFile(file, "cannot read: " + e.getMessage()), e);
        }
        CountingInputStream counting = new CountingInputStream(raw);
        BaseReader reader = null;
        try {
            reader = openReader(path, file, counting);
            if (!reader.hasNext()) {
                throw new IngestException(IngestError.ofFile(file, EMPTY));
            }
            return reader;
        } catch (RuntimeException e) {
            if (reader != null) {
                reader.close();
            }
            closeQuietly(counting);
            throw e;
        }
    }

    private static BaseReader openReader(Path path, String file, CountingInputStream counting) {
        Peek outer = peek(counting, file, false);
        if (outer.len == 0) {
            throw new IngestException(IngestError.ofFile(file, EMPTY));
        }
        if (outer.startsWith(0x1f, 0x8b)) {
            GZIPInputStream gz;
            try {
                gz = new GZIPInputStream(outer.asStream(counting), GZIP_BUFFER);
            } catch (IOException e) {
                throw new IngestException(IngestError.ofFile(file, describe(e, true)), e);
            }
            Peek inner = peek(gz, file, true);
            if (inner.len == 0) {
                throw new IngestException(IngestError.ofFile(file,
                        inner.pending != null ? describe(inner.pending, true) : EMPTY), inner.pending);
            }
            if (inner.startsWith('P', 'A', 'R', '1')) {
                Path temp = decompressToTemp(inner.asStream(gz), file);
                long size = counting.count();
                closeQuietly(counting);
                return new ParquetRecordReader(file, temp, true, new DetectedFormat(Format.PARQUET, true), size);
            }
            if (inner.startsWith(0x1f, 0x8b)) {
                throw new IngestException(IngestError.ofFile(file, "gzip inside gzip is not supported"));
            }
            return textReader(file, inner, gz, counting, true);
        }
        if (outer.startsWith('P', 'A', 'R', '1')) {
            closeQuietly(counting);
            return new ParquetRecordReader(file, path, false, new DetectedFormat(Format.PARQUET, false), size(path));
        }
        return textReader(file, outer, counting, counting, false);
    }

    private static BaseReader textReader(String file, Peek peek, InputStream rest, CountingInputStream counting,
                                         boolean gzip) {
        int start = peek.startsWith(0xef, 0xbb, 0xbf) ? 3 : 0;
        int first = start;
        while (first < peek.len && isBlank(peek.buf[first])) {
            first++;
        }
        if (first == peek.len) {
            if (peek.pending != null) {
                throw new IngestException(IngestError.ofFile(file, describe(peek.pending, gzip)), peek.pending);
            }
            throw new IngestException(IngestError.ofFile(file,
                    peek.eof ? EMPTY : "cannot detect the format: the first MiB is blank"));
        }
        InputStream in = new PrefixedInputStream(peek.buf, start, peek.len, rest, peek.pending);
        switch (peek.buf[first]) {
            case '{':
                return new JsonLinesReader(file, in, new DetectedFormat(Format.JSONL, gzip), counting);
            case '[':
                return new JsonArrayReader(file, in, new DetectedFormat(Format.JSON_ARRAY, gzip), counting);
            default:
                return new CsvRecordReader(file, in, new DetectedFormat(Format.CSV, gzip), counting);
        }
    }

    private static Path decompressToTemp(InputStream in, String file) {
        Path temp = null;
        try {
            temp = Files.createTempFile("evalgap-", ".parquet");
            try (OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            return temp;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new IngestException(IngestError.ofFile(file, describe(e, true)), e);
        } finally {
            closeQuietly(in);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A reader-facing description of a read failure. */
    static String describe(IOException e, boolean gzip) {
        if (gzip && e instanceof EOFException) {
            return GZIP_EOF;
        }
        if (gzip && e instanceof ZipException) {
            return "corrupt gzip stream: " + e.getMessage();
        }
        return "read error: " + e;
    }

    static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing to do: the data has been read or abandoned
            }
        }
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is not worth failing for
            }
        }
    }

    /**
     * Reads the first bytes: at least 4 and up to the first non-blank character after a BOM, at most
     * {@link #MAX_PEEK}. A read failure is kept in {@code pending}, to be thrown after the bytes that
     * did arrive, so a truncated gzip is reported where it breaks.
     */
    private static Peek peek(InputStream in, String file, boolean gzip) {
        Peek p = new Peek();
        p.buf = new byte[8192];
        while (!p.done()) {
            if (p.len == p.buf.length) {
                p.buf = Arrays.copyOf(p.buf, Math.min(MAX_PEEK, p.buf.length * 2));
            }
            int n;
            try {
                n = in.read(p.buf, p.len, p.buf.length - p.len);
            } catch (EOFException | ZipException e) {
                if (!gzip) {
                    throw new IngestException(IngestError.ofFile(file, describe(e, false)), e);
                }
                p.pending = e;
                break;
            } catch (IOException e) {
                throw new IngestException(IngestError.ofFile(file, describe(e, gzip)), e);
            }
            if (n < 0) {
                p.eof = true;
            } else {
                p.len += n;
            }
        }
        return p;
    }

    private static final class Peek {
        byte[] buf;
        int len;
        boolean eof;
        IOException pending;

        boolean done() {
            if (eof || pending != null || len >= MAX_PEEK) {
                return true;
            }
            if (len < 4) {
                return false;
            }
            for (int i = startsWith(0xef, 0xbb, 0xbf) ? 3 : 0; i < len; i++) {
                if (!isBlank(buf[i])) {
                    return true;
                }
            }
            return false;
        }

        boolean startsWith(int... magic) {
            if (len < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((buf[i] & 0xff) != magic[i]) {
                    return false;
                }
            }
            return true;
        }

        InputStream asStream(InputStream rest) {
            return new PrefixedInputStream(buf, 0, len, rest, pending);
        }
    }

    /** The peeked bytes, then a deferred read failure if there was one, then the rest of the stream. */
    private static final class PrefixedInputStream extends InputStream {
        private final byte[] prefix;
        private int pos;
        private final int end;
        private final InputStream rest;
        private IOException pending;

        PrefixedInputStream(byte[] prefix, int pos, int end, InputStream rest, IOException pending) {
            this.prefix = prefix;
            this.pos = pos;
            this.end = end;
            this.rest = rest;
            this.pending = pending;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos < end) {
                int n = Math.min(len, end - pos);
                System.arraycopy(prefix, pos, b, off, n);
                pos += n;
                return n;
            }
            if (pending != null) {
                IOException e = pending;
                pending = null;
                throw e;
            }
            return rest.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }

    /** Counts the bytes read from the file, for progress. */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }

        long count() {
            return count;
        }
    }
}
