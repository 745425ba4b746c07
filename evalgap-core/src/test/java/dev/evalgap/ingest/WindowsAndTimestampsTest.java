package dev.evalgap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsAndTimestampsTest {

    /** Expected labels checked with Python's {@code datetime.date(y, m, d).isocalendar()}. */
    @ParameterizedTest
    @CsvSource({
        "2026-11-22T10:00:00Z, 2026-W47",
        "2026-12-31T23:59:59Z, 2026-W53", // 2026 starts on a Thursday: 53 weeks
        "2027-01-01T00:00:00Z, 2026-W53", // a Friday: still the last week of 2026
        "2027-01-03T23:59:59Z, 2026-W53", // Sunday
        "2027-01-04T00:00:00Z, 2027-W01", // Monday
        "2024-12-30T00:00:00Z, 2025-W01", // a Monday of week 1 of the next week-based year
        "2021-01-03T12:00:00Z, 2020-W53",
        "2026-01-01T00:00:00Z, 2026-W01"
    })
    void isoWeekUsesTheWeekBasedYear(String ts, String label) {
        assertThat(WindowScheme.ISO_WEEK.label(Instant.parse(ts))).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-22T23:59:59Z, DAY, 2026-11-22",
        "2026-11-22T23:59:59Z, MONTH, 2026-11",
        "2027-01-01T00:00:00Z, MONTH, 2027-01"
    })
    void dayAndMonth(String ts, WindowScheme scheme, String label) {
        assertThat(scheme.label(Instant.parse(ts))).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-22T10:00:00Z           | 2026-11-22T10:00:00Z",
        "2026-11-22t10:00:00z           | 2026-11-22T10:00:00Z",
        "2026-11-22T12:00:00+02:00      | 2026-11-22T10:00:00Z",
        "2026-11-22T12:00:00+0200       | 2026-11-22T10:00:00Z",
        "2026-11-22 12:00:00+02         | 2026-11-22T10:00:00Z",
        "2026-11-22T11:00:00+01:00[Europe/Paris] | 2026-11-22T10:00:00Z",
        "2026-11-22T10:00:00.123456789Z | 2026-11-22T10:00:00.123456789Z",
        "2026-11-22T10:00               | 2026-11-22T10:00:00Z",
        "2026-11-22 10:00:00            | 2026-11-22T10:00:00Z",
        "2026-11-22                     | 2026-11-22T00:00:00Z",
        "1795341600                     | 2026-11-22T10:00:00Z",
        "1795341600.5                   | 2026-11-22T10:00:00.500Z",
        "1795341600000                  | 2026-11-22T10:00:00Z",
        "1795341600000123               | 2026-11-22T10:00:00.000123Z",
        "1795341600000123456            | 2026-11-22T10:00:00.000123456Z",
        "0                              | 1970-01-01T00:00:00Z",
        "99999999999                    | 5138-11-16T09:46:39Z",
        "100000000000                   | 1973-03-03T09:46:40Z"
    })
    void acceptedTimestampForms(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2026-13-01", "2026-11-22T10", "11/22/2026", "2026-11-22T10:00:00+25:00", "''"})
    void rejectedTimestampForms(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @CsvSource({"99999999999999999999999999999"})
    void epochOutOfRange(String v) {
        assertThatThrownBy(() -> Timestamps.fromEpoch(new BigDecimal(v))).isInstanceOf(DateTimeException.class);
    }
}
