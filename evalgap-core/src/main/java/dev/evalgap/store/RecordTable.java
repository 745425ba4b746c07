package dev.evalgap.store;

import dev.evalgap.raters.Rating;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.duckdb.DuckDBAppender;

/**
 * One of the ingested tables: how a record becomes a row. Column order matches {@link Schema}.
 *
 * @param <T> the record type
 */
public final class RecordTable<T> {

    @FunctionalInterface
    interface RowBinder<T> {
        void bind(DuckDBAppender row, T record, String setName, String source) throws SQLException;
    }

    public static final RecordTable<Interaction> TRAFFIC = new RecordTable<>("traffic", (ap, r, set, source) -> {
        ap.append(r.id()).append(r.ts().atOffset(ZoneOffset.UTC)).append(r.window()).append(r.text())
                .append(r.response()).append(r.release()).append(r.session()).append(r.segment())
                .append(r.weight()).append(r.thumbsUp()).append(r.retried()).append(r.edited())
                .append(r.abandoned()).append(r.csat());
        appendVector(ap, r.embedding());
        ap.append(source);
    });

    public static final RecordTable<EvalCase> CASES = new RecordTable<>("cases", (ap, c, set, source) -> {
        ap.append(set).append(0).append(c.caseId()).append(c.input()).append(c.expected());
        if (c.tags() == null) {
            ap.appendNull();
        } else {
            ap.append(c.tags());
        }
        ap.append(c.split()).append(c.origin()).append(c.rationale()).append(c.owner());
        appendDate(ap, c.created());
        appendDate(ap, c.expires());
        ap.append(c.labelSource()).append(c.sourceRef());
        appendVector(ap, c.embedding());
    });

    public static final RecordTable<RunResult> RUNS = new RecordTable<>("runs", (ap, r, set, source) ->
            ap.append(r.id()).append(r.release()).append(r.caseId()).append(r.score()).append(r.grader())
                    .append(r.output()).append(source));

    public static final RecordTable<KpiObservation> KPIS = new RecordTable<>("kpis", (ap, k, set, source) ->
            ap.append(k.id()).append(k.release()).append(k.window()).append(k.metric()).append(k.value())
                    .append(k.n()).append(source));

    public static final RecordTable<Rating> RATINGS = new RecordTable<>("ratings", (ap, r, set, source) -> {
        ap.append(r.id()).append(r.itemId()).append(r.rater())
                .append(r.raterKind() == null ? null : r.raterKind().label()).append(r.raterVersion())
                .append(r.rubricVersion()).append(r.scale().label()).append(r.rawScore()).append(r.label())
                .append(r.value()).append(r.usable());
        if (r.ts() == null) {
            ap.appendNull();
        } else {
            ap.append(r.ts().atOffset(ZoneOffset.UTC));
        }
        ap.append(r.period()).append(r.anchor()).append(r.outputLength()).append(r.outputModel())
                .append(r.outputLengthB()).append(r.outputModelB()).append(r.shownFirst()).append(r.contrastPair())
                .append(r.contrastSide()).append(source);
    });

    private final String name;
    private final RowBinder<T> binder;

    private RecordTable(String name, RowBinder<T> binder) {
        this.name = name;
        this.binder = binder;
    }

    public String name() {
        return name;
    }

    RowBinder<T> binder() {
        return binder;
    }

    private static void appendVector(DuckDBAppender ap, float[] v) throws SQLException {
        if (v == null) {
            ap.appendNull();
        } else {
            ap.append(Vectors.toBytes(v));
        }
    }

    private static void appendDate(DuckDBAppender ap, java.time.LocalDate d) throws SQLException {
        if (d == null) {
            ap.appendNull();
        } else {
            ap.append(d);
        }
    }
}
