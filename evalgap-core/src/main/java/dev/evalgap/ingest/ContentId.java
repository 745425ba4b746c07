package dev.evalgap.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids from content: the first 128 bits of SHA-256, as 32 lower-case hex characters, over the
 * stream name and the parsed canonical values (never the file name or line), so a record gets the
 * same id from JSON lines, CSV or Parquet and re-ingesting adds nothing. Each value is encoded
 * unambiguously: absent as one 0 byte, present as a 1 byte, its UTF-8 length (4 bytes) and bytes.
 */
final class ContentId {

    private ContentId() {
    }

    static String of(String stream, String... values) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        update(sha, stream);
        for (String v : values) {
            update(sha, v);
        }
        byte[] d = sha.digest();
        return HexFormat.of().formatHex(d, 0, 16);
    }

    private static void update(MessageDigest sha, String v) {
        if (v == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 1);
        sha.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                (byte) b.length});
        sha.update(b);
    }
}
