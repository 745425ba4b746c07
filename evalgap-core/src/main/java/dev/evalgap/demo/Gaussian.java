package dev.evalgap.demo;

import java.util.SplittableRandom;

/**
 * Standard normal draws by the Box–Muller transform on {@link SplittableRandom#nextDouble()},
 * written out so the demo files do not depend on a JDK's choice of Gaussian algorithm.
 */
final class Gaussian {

    private Gaussian() {
    }

    static double next(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
