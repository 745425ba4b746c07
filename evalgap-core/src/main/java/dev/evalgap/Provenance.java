package dev.evalgap;

import java.time.Instant;

/** Where a figure came from: which evalgap, on which Java, when. */
public record Provenance(String evalgapVersion, String javaVersion, String osArch, Instant computedAt) {

    public static Provenance now() {
        return new Provenance(EvalgapVersion.get(), System.getProperty("java.version"),
                System.getProperty("os.name") + "/" + System.getProperty("os.arch"), Instant.now());
    }
}
