package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    /**
     * R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
     * methods", Statistics in Medicine 17 (1998) 857–872, doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E,
     * Table II, method 3 (score interval without continuity correction), published to 4 decimals.
     * Full precision: scipy.stats.binomtest(x, n).proportion_ci(method='wilson') (scipy 1.10.1).
     */
    @Test
    void matchesNewcombesPublishedExamples() {
        check(81, 263, 0.2553, 0.3662, 0.2552885198782742, 0.36620957698280004);
        check(15, 148, 0.0624, 0.1605, 0.06238639953073629, 0.16048724172330803);
        check(0, 20, 0.0000, 0.1611, 0.0, 0.16112515805281935);
        check(1, 29, 0.0061, 0.1718, 0.006113214292762667, 0.17175521879320282);
    }

    private static void check(int x, int n, double low4, double high4, double low, double high) {
        final Interval i = WilsonInterval.of(x / (double) n, n, 0.95);
        assertThat(i.low()).isCloseTo(low4, within(0.00005));
        assertThat(i.high()).isCloseTo(high4, within(0.00005));
        assertThat(i.low()).isCloseTo(low, within(1e-12));
        assertThat(i.high()).isCloseTo(high, within(1e-12));
    }

    @Test
    void noTrialsNoInterval() {
        assertThat(WilsonInterval.of(0, 0, 0.95)).isNull();
    }
}
