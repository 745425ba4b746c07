package dev.evalgap.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key under which a text's vector is cached: lower-case hex SHA-256 of its UTF-8 bytes.
 * Unpaired surrogates encode as {@code ?} (as {@link String#getBytes} does), so two malformed
 * strings that differ only there share a key.
 */
public final class TextHash {

    private TextHash() {
    }

    /**
     * @param text any text, possibly empty
     * @return 64 lower-case hex digits, e.g. {@code ba7816bf…15ad} for {@code "abc"}
     */
    public static String of(String text) {
        Objects.requireNonNull(text, "text");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
