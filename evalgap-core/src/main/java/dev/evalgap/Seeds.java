package dev.evalgap;

import java.nio.charset.StandardCharsets;

/**
 * Seeds of the individual figures, derived from the analysis seed and the figure's name (e.g.
 * {@code "csat", "RELEASE", "r3", null}): a figure keeps its interval when other releases or windows
 * are added. Derivation: FNV-1a (64 bit) over the UTF-8 bytes of the parts, each followed by a 0 byte
 * ({@code null} as the byte 1), XOR the seed, then the SplitMix64 finaliser.
 */
public final class Seeds {

    private Seeds() {
    }

    public static long derive(long seed, Object... parts) {
        long h = 0xcbf29ce484222325L;
        for (Object part : parts) {
            if (part == null) {
                h = (h ^ 1) * 0x100000001b3L;
            } else {
                for (byte b : part.toString().getBytes(StandardCharsets.UTF_8)) {
                    h = (h ^ (b & 0xff)) * 0x100000001b3L;
                }
            }
            h = (h ^ 0) * 0x100000001b3L;
        }
        long z = h ^ seed;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
