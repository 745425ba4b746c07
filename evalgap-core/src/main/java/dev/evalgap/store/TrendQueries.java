package dev.evalgap.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.duckdb.DuckDBConnection;

/**
 * The reads of the timeline: feedback counts grouped by release and window, per-case offline scores
 * and ingested KPIs. Every count and sum is computed inside DuckDB; only the groups come back.
 */
public final class TrendQueries {

    private static final String FEEDBACK = """
            SELECT GROUPING(release), GROUPING(time_window), release, time_window, min(ts), max(ts), count(*),
                   count(thumbs_up), count(*) FILTER (WHERE thumbs_up),
                   count(retried), count(*) FILTER (WHERE retried),
                   count(edited), count(*) FILTER (WHERE edited),
                   count(abandoned), count(*) FILTER (WHERE abandoned),
                   count(*) FILTER (WHERE thumbs_up IS NOT NULL OR csat IS NOT NULL)
            FROM traffic
            GROUP BY GROUPING SETS ((release, time_window), (release), (time_window), ())""";

    private static final String CSAT = """
            SELECT GROUPING(release), GROUPING(time_window), release, time_window, csat, count(*)
            FROM traffic WHERE csat IS NOT NULL
            GROUP BY GROUPING SETS ((release, time_window, csat), (release, csat), (time_window, csat), (csat))""";

    private final Store store;
    private final DuckDBConnection connection;

    public TrendQueries(Store store) {
        this.store = Objects.requireNonNull(store, "store");
        this.connection = store.connection();
    }

    /**
     * Feedback counts of every (release, window) cell, every release, every window and of all traffic,
     * ordered by scope and then by first timestamp. An empty traffic table gives one {@code ALL} group
     * with 0 interactions.
     */
    public List<FeedbackCounts> feedbackCounts() {
        Map<List<Object>, Map<Double, Long>> csat = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(CSAT); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                FeedbackCounts.Scope scope = scope(rs.getInt(1), rs.getInt(2));
                csat.computeIfAbsent(key(scope, rs.getString(3), rs.getString(4)), k -> new TreeMap<>())
                        .put(rs.getDouble(5), rs.getLong(6));
            }
        } catch (SQLException e) {
            throw store.failure("count CSAT scores", e);
        }
        List<FeedbackCounts> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(FEEDBACK); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                FeedbackCounts.Scope scope = scope(rs.getInt(1), rs.getInt(2));
                String release = rs.getString(3);
                String window = rs.getString(4);
                out.add(new FeedbackCounts(scope, release, window, instant(rs, 5), instant(rs, 6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                        rs.getLong(14), rs.getLong(15), rs.getLong(16),
                        csat.getOrDefault(key(scope, release, window), Map.of())));
            }
        } catch (SQLException e) {
            throw store.failure("count feedback", e);
        }
        out.sort(java.util.Comparator.comparing(FeedbackCounts::scope)
                .thenComparing(FeedbackCounts::firstTs, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(c -> String.valueOf(c.release()))
                .thenComparing(c -> String.valueOf(c.window())));
        return out;
    }

    private static FeedbackCounts.Scope scope(int releaseRolledUp, int windowRolledUp) {
        if (releaseRolledUp == 0) {
            return windowRolledUp == 0 ? FeedbackCounts.Scope.CELL : FeedbackCounts.Scope.RELEASE;
        }
        return windowRolledUp == 0 ? FeedbackCounts.Scope.WINDOW : FeedbackCounts.Scope.ALL;
    }

    private static List<Object> key(FeedbackCounts.Scope scope, String release, String window) {
        return java.util.Arrays.asList(scope, release, window);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Per release and case of one eval set version: the mean score over the case's runs, with the
     * case's tags. Runs of cases outside the version are left out (see {@link #runSummaries}).
     */
    public List<CaseScore> caseScores(String setName, int version) {
        return caseScores("""
                SELECT r.release, r.case_id, avg(r.score), count(*), any_value(c.tags)
                FROM runs r JOIN cases c ON c.case_id = r.case_id AND c.set_name = ? AND c.version = ?
                GROUP BY r.release, r.case_id ORDER BY r.release, r.case_id""", setName, version);
    }

    /** Per release and case over every run (no eval set): the mean score over the case's runs, no tags. */
    public List<CaseScore> caseScores() {
        return caseScores("""
                SELECT release, case_id, avg(score), count(*), NULL
                FROM runs GROUP BY release, case_id ORDER BY release, case_id""", null, 0);
    }

    private List<CaseScore> caseScores(String sql, String setName, int version) {
        List<CaseScore> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (setName != null) {
                ps.setString(1, setName);
                ps.setInt(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> tags = Store.stringList(rs, 5);
                    out.add(new CaseScore(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getInt(4),
                            tags == null ? List.of() : tags));
                }
            }
        } catch (SQLException e) {
            throw store.failure("read offline scores", e);
        }
        return out;
    }

    /**
     * Per release: cases scored inside and outside the eval set version, and the graders. With
     * {@code setName == null} every scored case counts as inside.
     */
    public List<RunSummary> runSummaries(String setName, int version) {
        String sql = setName == null ? """
                SELECT release, count(DISTINCT case_id), 0, array_agg(DISTINCT grader) FILTER (WHERE grader IS NOT NULL)
                FROM runs GROUP BY release ORDER BY release"""
                : """
                SELECT r.release, count(DISTINCT r.case_id) FILTER (WHERE c.case_id IS NOT NULL),
                       count(DISTINCT r.case_id) FILTER (WHERE c.case_id IS NULL),
                       array_agg(DISTINCT r.grader) FILTER (WHERE r.grader IS NOT NULL)
                FROM runs r LEFT JOIN (SELECT case_id FROM cases WHERE set_name = ? AND version = ?) c
                  ON c.case_id = r.case_id
                GROUP BY r.release ORDER BY r.release""";
        List<RunSummary> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (setName != null) {
                ps.setString(1, setName);
                ps.setInt(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> graders = Store.stringList(rs, 4);
                    graders = graders == null ? List.of() : graders.stream().sorted().toList();
                    out.add(new RunSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), graders));
                }
            }
        } catch (SQLException e) {
            throw store.failure("summarise runs", e);
        }
        return out;
    }

    /** Every ingested KPI observation, by metric, release and window. */
    public List<KpiObservation> kpis() {
        List<KpiObservation> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, release, time_window, metric, value, n FROM kpis ORDER BY metric, release, time_window");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(6);
                out.add(new KpiObservation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.wasNull() ? null : n));
            }
        } catch (SQLException e) {
            throw store.failure("read KPIs", e);
        }
        return out;
    }
}
