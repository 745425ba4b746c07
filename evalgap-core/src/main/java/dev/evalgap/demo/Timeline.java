package dev.evalgap.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scenario's calendar: twelve ISO weeks from Monday 2026-08-31 (UTC), eight releases, the
 * Auto-Reorder launch (week 7) and refund policy v3 (week 9).
 */
final class Timeline {

    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 8, 31);
    static final int WEEKS = 12;
    static final int FEATURE_WEEK = 7;
    static final int POLICY_WEEK = 9;

    /** Scenario week in which each release went live: r1 … r8. Mid-week deploys on Tuesdays, 14:00 UTC. */
    private static final int[] RELEASE_WEEKS = {1, 2, 4, 5, 7, 8, 10, 12};

    private final List<DemoFiles.Release> releases;
    private final List<String> releaseNames;

    Timeline() {
        List<DemoFiles.Release> list = new ArrayList<>();
        for (int i = 0; i < RELEASE_WEEKS.length; i++) {
            int week = RELEASE_WEEKS[i];
            Instant live = i == 0 ? weekStart(1)
                    : weekStart(week).plus(Duration.ofDays(1).plusHours(14));
            list.add(new DemoFiles.Release("r" + (i + 1), live, week));
        }
        releases = List.copyOf(list);
        releaseNames = releases.stream().map(DemoFiles.Release::name).toList();
    }

    static Instant weekStart(int week) {
        return FIRST_MONDAY.plusWeeks(week - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant weekEnd(int week) {
        return weekStart(week + 1);
    }

    static LocalDate monday(int week) {
        return FIRST_MONDAY.plusWeeks(week - 1L);
    }

    private static final String[] ISO_WEEKS = new String[WEEKS + 1];

    static {
        for (int w = 1; w <= WEEKS; w++) {
            LocalDate d = monday(w);
            ISO_WEEKS[w] = String.format(Locale.ROOT, "%d-W%02d",
                    d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    /** e.g. {@code 2026-W36}. */
    static String isoWeek(int week) {
        if (week < 1 || week > WEEKS) {
            throw new IllegalArgumentException("week " + week + " outside 1.." + WEEKS);
        }
        return ISO_WEEKS[week];
    }

    List<DemoFiles.Release> releases() {
        return releases;
    }

    List<String> releaseNames() {
        return releaseNames;
    }

    /** Index (0-based) of the release live at {@code ts}. */
    int releaseIndexAt(Instant ts) {
        int index = 0;
        for (int i = 0; i < releases.size(); i++) {
            if (!ts.isBefore(releases.get(i).liveFrom())) {
                index = i;
            }
        }
        return index;
    }

    DemoFiles.Event featureLaunch() {
        return new DemoFiles.Event("Auto-Reorder", FEATURE_WEEK, weekStart(FEATURE_WEEK),
                "Auto-Reorder subscriptions launch: scheduled repeat deliveries of consumables at 5% off; "
                        + "the assistant was never taught about them.",
                "feature:auto-reorder");
    }

    DemoFiles.Event policyChange() {
        return new DemoFiles.Event("Refund policy v3", POLICY_WEEK, weekStart(POLICY_WEEK),
                "Returns after 14 days are refunded as store credit and a 15% restocking fee applies to opened "
                        + "electronics and large items; the suite's refund cases still encode policy v2.",
                "policy:refund@v3");
    }
}
