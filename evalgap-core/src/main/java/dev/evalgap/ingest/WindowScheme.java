package dev.evalgap.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * How a timestamp is assigned to a window. Windows are computed in UTC. The default is
 * {@link #ISO_WEEK} (PRODUCT.md: "Window: ISO week of a traffic record's timestamp unless
 * configured otherwise").
 */
public enum WindowScheme {

    /**
     * ISO-8601 week, labelled with the week-based year: {@code 2026-W47}. Weeks start on Monday;
     * week 1 is the week holding the year's first Thursday, so 2027-01-01 (a Friday) is in
     * {@code 2026-W53} and 2024-12-30 (a Monday) in {@code 2025-W01}.
     */
    ISO_WEEK("iso-week"),
    /** Calendar day: {@code 2026-11-22}. */
    DAY("day"),
    /** Calendar month: {@code 2026-11}. */
    MONTH("month");

    private final String configName;

    WindowScheme(String configName) {
        this.configName = configName;
    }

    /** The name used in {@code evalgap.yaml} and on the command line. */
    public String configName() {
        return configName;
    }

    /** The label of the window holding {@code ts} (UTC). */
    public String label(Instant ts) {
        LocalDate d = LocalDate.ofInstant(ts, ZoneOffset.UTC);
        switch (this) {
            case ISO_WEEK:
                int week = d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                return d.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
            case DAY:
                return d.toString();
            case MONTH:
                return YearMonth.from(d).toString();
            default:
                throw new AssertionError(this);
        }
    }

    /** {@code iso-week}, {@code day} or {@code month} (case-insensitive; {@code iso_week} also accepted). */
    public static WindowScheme parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (WindowScheme w : values()) {
            if (w.configName.equals(v)) {
                return w;
            }
        }
        throw new IngestException(IngestError.ofConfig(
                "unknown window scheme '" + s + "'; valid: iso-week, day, month"));
    }
}
