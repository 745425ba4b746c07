package dev.evalgap.seal;

import java.util.Objects;

/**
 * What to seal.
 *
 * @param setName  the eval set (its current version)
 * @param fraction share of the set's cases the sealed split should hold, in (0, 1)
 * @param seed     seed of the choice of cases
 */
public record SealRequest(String setName, double fraction, long seed) {

    public SealRequest {
        Objects.requireNonNull(setName, "setName");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("--fraction must be in (0, 1), got " + fraction);
        }
    }
}
