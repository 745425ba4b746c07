package dev.evalgap.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The timestamps evalgap accepts, all resolved to an {@link Instant}:
 * <ul>
 *   <li>ISO-8601 with {@code Z} or an offset: {@code 2026-11-22T10:00:00Z},
 *       {@code 2026-11-22T12:00:00.5+02:00}; offsets may also be written {@code +0200} or {@code +02},
 *       and a region may follow in brackets, {@code ...+01:00[Europe/Paris]};</li>
 *   <li>a local date-time, taken as UTC: {@code 2026-11-22T10:00:00}, {@code 2026-11-22T10:00};</li>
 *   <li>a space instead of the {@code T} (SQL and DuckDB exports): {@code 2026-11-22 10:00:00+00};</li>
 *   <li>a date alone, taken as midnight UTC: {@code 2026-11-22};</li>
 *   <li>a number (JSON number or a string of digits, with an optional fraction) counted from the Unix
 *       epoch, its unit chosen by magnitude: below 10<sup>11</sup> seconds (up to the year 5138),
 *       below 10<sup>14</sup> milliseconds (from 1973-03-03 on), below 10<sup>17</sup> microseconds,
 *       else nanoseconds (OpenTelemetry). So a millisecond timestamp before 1973-03-03 is misread as
 *       seconds; such logs do not exist in practice.</li>
 * </ul>
 */
public final class Timestamps {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']')
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final BigDecimal E11 = new BigDecimal("1e11");
    private static final BigDecimal E14 = new BigDecimal("1e14");
    private static final BigDecimal E17 = new BigDecimal("1e17");

    private Timestamps() {
    }

    /**
     * Parses one of the accepted forms.
     *
     * @throws DateTimeException when {@code s} is none of them
     */
    public static Instant parse(String s) {
        String v = s.trim();
        if (NUMBER.matcher(v).matches()) {
            return fromEpoch(new BigDecimal(v));
        }
        if (v.length() > 10 && v.charAt(10) == ' ') {
            v = v.substring(0, 10) + 'T' + v.substring(11).trim();
        }
        TemporalAccessor t = ISO.parseBest(v, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        if (t instanceof ZonedDateTime) {
            return ((ZonedDateTime) t).toInstant();
        }
        if (t instanceof LocalDateTime) {
            return ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        }
        return ((LocalDate) t).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * A number since the Unix epoch, unit by magnitude (see the class comment).
     *
     * @throws DateTimeException when out of {@link Instant}'s range
     */
    public static Instant fromEpoch(BigDecimal v) {
        BigDecimal abs = v.abs();
        int scale = abs.compareTo(E11) < 0 ? 0 : abs.compareTo(E14) < 0 ? 3 : abs.compareTo(E17) < 0 ? 6 : 9;
        BigDecimal seconds = v.movePointLeft(scale);
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        try {
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException e) {
            throw new DateTimeException("out of range: " + v);
        }
    }
}
