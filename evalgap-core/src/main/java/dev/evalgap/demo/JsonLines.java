package dev.evalgap.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one JSON object per line, optionally gzip-compressed. Output is byte-for-byte
 * reproducible: fields in the order written, no timestamps in the gzip header.
 */
final class JsonLines implements Closeable {

    /** Fills the fields of one object. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator generator;
    private int lines;

    private JsonLines(OutputStream out) throws IOException {
        this.generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.generator.setRootValueSeparator(null); // we end each line ourselves
    }

    static JsonLines create(Path path, boolean gzip) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        if (gzip) {
            // java.util.zip writes a fixed header (no mtime, no file name)
            out = new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
        return new JsonLines(out);
    }

    void line(Fields fields) throws IOException {
        generator.writeStartObject();
        fields.write(generator);
        generator.writeEndObject();
        generator.writeRaw('\n');
        lines++;
    }

    int lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        generator.close();
    }
}
