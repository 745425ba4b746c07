package dev.evalgap.ingest;

import java.util.Objects;

/**
 * The outcome of parsing one {@link SourceRecord}: either a value or the first error found.
 *
 * @param value the parsed record, or {@code null} when {@link #error()} is set
 * @param error the rejection, located at the record's file and line, or {@code null}
 * @param <T>   Interaction, EvalCase, RunResult or KpiObservation
 */
public record Parsed<T>(T value, IngestError error) {

    public Parsed {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of value and error");
        }
    }

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(Objects.requireNonNull(value), null);
    }

    public static <T> Parsed<T> failed(IngestError error) {
        return new Parsed<>(null, Objects.requireNonNull(error));
    }

    public boolean ok() {
        return value != null;
    }
}
