package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ~50 MB gzip JSON-lines file (random text, so it barely compresses: ~65 MB inside) is read and
 * parsed record by record. Heap use after a GC half-way through stays far below the file's size.
 */
class StreamingTest {

    private static final int RECORDS = 300_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void readsALargeGzipFileWithBoundedMemory() throws IOException {
        Path f = dir.resolve("big.jsonl.gz");
        long uncompressed = writeRandomTraffic(f);
        long compressed = Files.size(f);
        assertThat(compressed).isGreaterThan(40L << 20);
        assertThat(uncompressed).isGreaterThan(compressed);

        long before = usedHeapAfterGc();
        long peakAtHalf = 0;
        long ok = 0;
        TrafficParser parser = new TrafficParser("big.jsonl.gz", IngestOptions.defaults(StreamKind.TRAFFIC));
        try (RecordReader r = RecordReader.open(f, "big.jsonl.gz")) {
            while (r.hasNext()) {
                ReadResult x = r.next();
                if (x instanceof SourceRecord && parser.parse((SourceRecord) x).ok()) {
                    ok++;
                }
                if (ok == RECORDS / 2) {
                    peakAtHalf = usedHeapAfterGc();
                }
            }
            assertThat(r.bytesRead()).isEqualTo(compressed);
        }
        assertThat(ok).isEqualTo(RECORDS);
        assertThat(peakAtHalf - before).as("heap growth half-way (bytes)").isLessThan(24L << 20);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Writes RECORDS traffic lines of random letters; returns the uncompressed size. */
    private static long writeRandomTraffic(Path f) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.?"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[170];
        long size = 0;
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(f), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }, 1 << 16)) {
            for (int i = 0; i < RECORDS; i++) {
                for (int k = 0; k < text.length; k++) {
                    text[k] = alphabet[rnd.nextInt(alphabet.length)];
                }
                byte[] head = ("{\"ts\":" + (1_795_341_600L + i) + ",\"text\":\"").getBytes(StandardCharsets.US_ASCII);
                byte[] tail = ("\",\"release\":\"r" + i % 7 + "\",\"weight\":" + i % 3 + "}\n")
                        .getBytes(StandardCharsets.US_ASCII);
                out.write(head);
                out.write(text);
                out.write(tail);
                size += head.length + text.length + tail.length;
            }
        }
        return size;
    }
}
