package dev.evalgap.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The SQL that moves staged rows into their table, one strategy per kind of table. */
final class StagingMerges {
    private StagingMerges() {
    }

    private static String firstPerKey(String stage, String key) {
        return "(SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY " + key
                + " ORDER BY seq) AS rn FROM " + stage + ") WHERE rn = 1)";
    }

    static MergeCounts appendOnly(java.sql.Connection c, String stage) throws SQLException {
        long staged = count(c, "SELECT count(*) FROM " + stage);
        long added;
        try (Statement st = c.createStatement()) {
            added = st.executeUpdate("INSERT INTO traffic SELECT * EXCLUDE (seq, stage_source) FROM "
                    + firstPerKey(stage, "id") + " s WHERE NOT EXISTS (SELECT 1 FROM traffic t WHERE t.id = s.id)");
        }
        return new MergeCounts(staged, added, 0, staged - added, 0, false);
    }

    static MergeCounts replaceById(java.sql.Connection c, String stage, String table) throws SQLException {
        long staged = count(c, "SELECT count(*) FROM " + stage);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE merge_in AS SELECT * EXCLUDE (seq, stage_source) FROM "
                    + firstPerKey(stage, "id"));
            long distinct = count(c, "SELECT count(*) FROM merge_in");
            long existing = count(c, "SELECT count(*) FROM merge_in m WHERE EXISTS (SELECT 1 FROM " + table
                    + " t WHERE t.id = m.id)");
            long identical = count(c, "SELECT count(*) FROM (SELECT * EXCLUDE (source) FROM merge_in"
                    + " INTERSECT SELECT * EXCLUDE (source) FROM " + table + ")");
            st.execute("DELETE FROM " + table + " WHERE id IN (SELECT id FROM merge_in)");
            st.execute("INSERT INTO " + table + " SELECT * FROM merge_in");
            st.execute("DROP TABLE merge_in");
            long added = distinct - existing;
            long replaced = existing - identical;
            return new MergeCounts(staged, added, replaced, staged - added - replaced, 0, false);
        }
    }

    static MergeCounts caseVersion(java.sql.Connection c, String stage, String setName, boolean replaceSet,
                                   String source) throws SQLException {
        long staged = count(c, "SELECT count(*) FROM " + stage);
        int current;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM case_set_versions WHERE set_name = ?")) {
            ps.setString(1, setName);
            current = (int) Store.scalarLong(ps);
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE current_set AS SELECT * EXCLUDE (set_name, version) FROM cases"
                    + " WHERE set_name = " + literal(setName) + " AND version = " + current);
            st.execute("CREATE OR REPLACE TEMP TABLE next_set AS SELECT * EXCLUDE (set_name, version, seq, stage_source)"
                    + " FROM " + firstPerKey(stage, "case_id")
                    + (replaceSet ? "" : " UNION ALL BY NAME SELECT * FROM current_set WHERE case_id NOT IN"
                    + " (SELECT case_id FROM " + stage + ")"));
            // Sealed is one-way: a case id sealed in any version of the set stays sealed, so re-ingesting
            // the original file (split absent = public) never reveals the hold-out split.
            st.execute("UPDATE next_set SET split = 'sealed' WHERE split <> 'sealed' AND case_id IN"
                    + " (SELECT case_id FROM cases WHERE set_name = " + literal(setName) + " AND split = 'sealed')");
        }
        long unchanged = count(c, "SELECT count(*) FROM (SELECT * FROM next_set INTERSECT SELECT * FROM current_set)");
        long added = count(c, "SELECT count(*) FROM next_set WHERE case_id NOT IN (SELECT case_id FROM current_set)");
        long nextSize = count(c, "SELECT count(*) FROM next_set");
        long currentSize = count(c, "SELECT count(*) FROM current_set");
        boolean changed = unchanged != nextSize || unchanged != currentSize;
        int version = current;
        if (changed) {
            version = current + 1;
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO cases SELECT " + literal(setName) + ", " + version + ", * FROM next_set");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_set_versions VALUES (?, ?, now(), ?, ?)")) {
                ps.setString(1, setName);
                ps.setInt(2, version);
                ps.setString(3, source);
                ps.setLong(4, nextSize);
                ps.executeUpdate();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE current_set");
            st.execute("DROP TABLE next_set");
        }
        long replaced = nextSize - added - unchanged;
        return new MergeCounts(staged, added, replaced, staged - added - replaced, version, changed);
    }

    static void log(java.sql.Connection c, String stream, IngestLog log, MergeCounts counts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingests VALUES (now(), ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, stream);
            ps.setString(2, log.source());
            ps.setString(3, log.sha256());
            ps.setLong(4, log.records());
            ps.setLong(5, counts.added() + counts.replaced());
            ps.setLong(6, counts.unchanged());
            ps.setLong(7, log.rejected());
            ps.executeUpdate();
        }
    }

    private static long count(java.sql.Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
