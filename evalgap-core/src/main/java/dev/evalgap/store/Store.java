package dev.evalgap.store;

import dev.evalgap.embed.EmbeddingCache;
import dev.evalgap.raters.RaterKind;
import dev.evalgap.raters.Rating;
import dev.evalgap.raters.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The workspace database (an embedded DuckDB file). Owns the schema, its version and every SQL
 * statement; nothing else in evalgap talks to the database.
 *
 * <p>DuckDB allows one writing process per file; a second one gets a clear {@link StoreException}.
 */
public final class Store implements AutoCloseable, EmbeddingCache {

    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.*?) \\(PID (\\d+)\\)");

    private final Path file;
    private final DuckDBConnection connection;

    private Store(Path file, DuckDBConnection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when absent) the database file and brings its schema up to date. */
    public static Store open(Path file, String evalgapVersion) {
        boolean isNew = !Files.exists(file);
        DuckDBConnection connection;
        try {
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw translateOpenError(file, e);
        }
        Store store = new Store(file, connection);
        try {
            store.prepareSchema(isNew, evalgapVersion);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static StoreException translateOpenError(Path file, SQLException e) {
        String message = String.valueOf(e.getMessage());
        Matcher lock = LOCK_HOLDER.matcher(message);
        if (lock.find()) {
            return new StoreException("workspace database " + file + " is in use by another process (PID "
                    + lock.group(2) + "); evalgap allows one writer at a time: wait for it to finish or stop it", e);
        }
        return new StoreException("cannot open workspace database " + file + ": " + message, e);
    }

    private void prepareSchema(boolean isNew, String evalgapVersion) {
        try (Statement st = connection.createStatement()) {
            st.execute(Schema.CREATE.get(0));
            Optional<String> stored = meta("schema_version");
            if (stored.isEmpty() && !isNew && tableCount() > 1) {
                throw new StoreException(file + " is a DuckDB file but not an evalgap workspace database");
            }
            int version = stored.map(Integer::parseInt).orElse(0);
            if (version > Schema.VERSION) {
                throw new StoreException("workspace database " + file + " was written by a newer evalgap (schema "
                        + version + "; this evalgap " + evalgapVersion + " reads up to schema " + Schema.VERSION
                        + "): upgrade evalgap");
            }
            if (version < Schema.VERSION) {
                // Every schema step so far only adds tables (1 -> 2: ratings), so creating the missing
                // ones migrates an older workspace; a step that changes a table goes here, guarded by version.
                for (String ddl : Schema.CREATE) {
                    st.execute(ddl);
                }
                setMeta("schema_version", Integer.toString(Schema.VERSION));
                if (stored.isEmpty()) {
                    setMeta("created_by", "evalgap " + evalgapVersion);
                    setMeta("created_at", OffsetDateTime.now(ZoneOffset.UTC).toString());
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot prepare workspace database " + file + ": " + e.getMessage(), e);
        }
    }

    private long tableCount() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM information_schema.tables")) {
            return scalarLong(ps);
        }
    }

    public Path file() {
        return file;
    }

    /** The connection, for the query classes of this package (e.g. {@link TrendQueries}). */
    DuckDBConnection connection() {
        return connection;
    }

    public int schemaVersion() {
        return Schema.VERSION;
    }

    public Optional<String> meta(String key) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read meta", e);
        }
    }

    private void setMeta(String key, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    // ---- ingestion -------------------------------------------------------------------------

    /** A staging area for one ingest of {@code stream}; nothing reaches the tables until it is merged. */
    public <T> Staging<T> stage(RecordTable<T> table) {
        return new Staging<>(this, connection, table);
    }

    // ---- reads -----------------------------------------------------------------------------

    /** Windows present in the traffic table, oldest first, with their record counts. */
    public List<WindowCount> windows() {
        List<WindowCount> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT time_window, count(*), min(ts) FROM traffic GROUP BY time_window ORDER BY min(ts), time_window");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new WindowCount(rs.getString(1), rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw failure("list windows", e);
        }
        return out;
    }

    /** The eval sets and their current versions. */
    public Map<String, Integer> caseSets() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT set_name, max(version) FROM case_set_versions GROUP BY set_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw failure("list eval sets", e);
        }
        return out;
    }

    public Optional<Integer> currentCaseVersion(String setName) {
        return Optional.ofNullable(caseSets().get(setName));
    }

    public List<EvalCase> cases(String setName, int version) {
        List<EvalCase> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT case_id, input, expected, tags, split, origin, rationale, owner, created, expires,
                       label_source, source_ref, embedding
                FROM cases WHERE set_name = ? AND version = ? ORDER BY case_id""")) {
            ps.setString(1, setName);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EvalCase(rs.getString(1), rs.getString(2), rs.getString(3), stringList(rs, 4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, java.time.LocalDate.class), rs.getObject(10, java.time.LocalDate.class),
                            rs.getString(11), rs.getString(12), Vectors.fromBytes(rs.getBytes(13))));
                }
            }
        } catch (SQLException e) {
            throw failure("read eval set " + setName, e);
        }
        return out;
    }

    /**
     * A seeded sample of up to {@code n} traffic texts of one window: the {@code n} records with the
     * smallest md5(id ‖ seed). This bottom-k hash sample is reproducible, independent of insertion
     * order, and mergeable across partitions (the sample of a union is the bottom k of the parts).
     */
    public List<TextItem> sampleTraffic(String window, int n, long seed) {
        return textSample("""
                SELECT id, text, embedding, segment, weight FROM traffic WHERE time_window = ?
                ORDER BY md5(id || ':' || ?), id LIMIT ?""", window, n, seed);
    }

    /** The same bottom-k hash sample over the cases of one eval set version. */
    public List<TextItem> sampleCases(String setName, int version, int n, long seed) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT case_id, input, embedding, NULL, NULL FROM cases WHERE set_name = ? AND version = ?
                ORDER BY md5(case_id || ':' || ?), case_id LIMIT ?""")) {
            ps.setString(1, setName);
            ps.setInt(2, version);
            ps.setString(3, Long.toString(seed));
            ps.setInt(4, n);
            return readTextItems(ps);
        } catch (SQLException e) {
            throw failure("sample eval set " + setName, e);
        }
    }

    private List<TextItem> textSample(String sql, String key, int n, long seed) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setString(2, Long.toString(seed));
            ps.setInt(3, n);
            return readTextItems(ps);
        } catch (SQLException e) {
            throw failure("sample traffic", e);
        }
    }

    private static List<TextItem> readTextItems(PreparedStatement ps) throws SQLException {
        List<TextItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double weight = rs.getDouble(5);
                // wasNull speaks of the last column read: ask before reading any other
                Double weightOrNull = rs.wasNull() ? null : weight;
                out.add(new TextItem(rs.getString(1), rs.getString(2), Vectors.fromBytes(rs.getBytes(3)),
                        rs.getString(4), weightOrNull));
            }
        }
        return out;
    }

    public long count(String table) {
        if (!List.of("traffic", "cases", "runs", "kpis", "ratings", "embeddings", "results", "ingests")
                .contains(table)) {
            throw new IllegalArgumentException("unknown table " + table);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + table)) {
            return scalarLong(ps);
        } catch (SQLException e) {
            throw failure("count " + table, e);
        }
    }

    /** Every rating, usable or not, ordered by scale, item, rater, time (undated first) and id. */
    public List<Rating> ratings() {
        List<Rating> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT id, item_id, rater, rater_kind, rater_version, rubric_version, scale, raw_score, label, value,
                       ts, time_window, anchor, output_len, output_model, output_len_b, output_model_b, shown_first,
                       contrast_pair, contrast_side
                FROM ratings ORDER BY scale, item_id, rater, ts NULLS FIRST, id""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime ts = rs.getObject(11, OffsetDateTime.class);
                out.add(new Rating(rs.getString(1), rs.getString(2), rs.getString(3), RaterKind.parse(rs.getString(4)),
                        rs.getString(5), rs.getString(6), Scale.parse(rs.getString(7)), rs.getString(8),
                        rs.getString(9), (Double) rs.getObject(10), ts == null ? null : ts.toInstant(),
                        rs.getString(12), (Boolean) rs.getObject(13), (Long) rs.getObject(14), rs.getString(15),
                        (Long) rs.getObject(16), rs.getString(17), rs.getString(18), rs.getString(19),
                        rs.getString(20)));
            }
        } catch (SQLException e) {
            throw failure("read ratings", e);
        }
        return out;
    }

    // ---- embedding cache -------------------------------------------------------------------

    @Override
    public Map<String, float[]> get(String embedderId, Collection<String> textHashes) {
        Map<String, float[]> out = new HashMap<>();
        if (textHashes.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT text_hash, vector FROM embeddings WHERE embedder = ? AND list_contains(?, text_hash)")) {
            ps.setString(1, embedderId);
            ps.setArray(2, connection.createArrayOf("VARCHAR", textHashes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Vectors.fromBytes(rs.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw failure("read embedding cache", e);
        }
        return out;
    }

    @Override
    public void put(String embedderId, Map<String, float[]> vectorsByTextHash) {
        if (vectorsByTextHash.isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE embeddings_in AS SELECT * FROM embeddings LIMIT 0");
            try (DuckDBAppender ap = connection.createAppender("temp", "main", "embeddings_in")) {
                for (Map.Entry<String, float[]> e : vectorsByTextHash.entrySet()) {
                    ap.beginRow().append(embedderId).append(e.getKey()).append(Vectors.toBytes(e.getValue())).endRow();
                }
            }
            st.execute("INSERT OR IGNORE INTO embeddings SELECT * FROM embeddings_in");
            st.execute("DROP TABLE embeddings_in");
        } catch (SQLException e) {
            throw failure("write embedding cache", e);
        }
    }

    // ---- sealed split ----------------------------------------------------------------------

    /**
     * Moves cases of version {@code version} of a set to the sealed split by writing version + 1 (every
     * case of {@code version}, the named ones now {@code sealed}) and its version record, in one
     * transaction. Fails when {@code version} is no longer the set's current version.
     *
     * @param caseIds cases of the version to seal (ids not in it are ignored)
     * @param source  what made the version, recorded in {@code case_set_versions.source}
     * @return the new version
     */
    public int sealCases(String setName, int version, Collection<String> caseIds, String source) {
        try {
            connection.setAutoCommit(false);
            try {
                int current;
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT coalesce(max(version), 0) FROM case_set_versions WHERE set_name = ?")) {
                    ps.setString(1, setName);
                    current = (int) scalarLong(ps);
                }
                if (current != version) {
                    throw new StoreException("eval set '" + setName + "' changed while sealing (now version "
                            + current + ", expected " + version + "): run the command again");
                }
                int next = version + 1;
                long n;
                try (PreparedStatement ps = connection.prepareStatement("""
                        INSERT INTO cases
                        SELECT set_name, ?, case_id, input, expected, tags,
                               CASE WHEN list_contains(?, case_id) THEN 'sealed' ELSE split END,
                               origin, rationale, owner, created, expires, label_source, source_ref, embedding
                        FROM cases WHERE set_name = ? AND version = ?""")) {
                    ps.setInt(1, next);
                    ps.setArray(2, connection.createArrayOf("VARCHAR", caseIds.toArray()));
                    ps.setString(3, setName);
                    ps.setInt(4, version);
                    n = ps.executeUpdate();
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO case_set_versions VALUES (?, ?, now(), ?, ?)")) {
                    ps.setString(1, setName);
                    ps.setInt(2, next);
                    ps.setString(3, source);
                    ps.setLong(4, n);
                    ps.executeUpdate();
                }
                connection.commit();
                return next;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("seal cases of eval set " + setName, e);
        }
    }

    /** Where each version of a set came from ({@code case_set_versions.source}), by version. */
    public Map<Integer, String> caseVersionSources(String setName) {
        Map<Integer, String> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT version, source FROM case_set_versions WHERE set_name = ? ORDER BY version")) {
            ps.setString(1, setName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw failure("read versions of eval set " + setName, e);
        }
        return out;
    }

    // ---- analysis results ------------------------------------------------------------------

    /** Keeps an analysis result (as JSON) so the timeline and the report can read it back. */
    public void saveResult(String analysis, String setName, Integer setVersion, String window, String json) {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO results VALUES (?, ?, ?, ?, now(), ?)")) {
            ps.setString(1, analysis);
            ps.setString(2, setName);
            if (setVersion == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setInt(3, setVersion);
            }
            ps.setString(4, window);
            ps.setString(5, json);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("save " + analysis + " result", e);
        }
    }

    /** The stored results of one analysis, newest first, as JSON texts. */
    public List<String> results(String analysis) {
        return resultTexts("SELECT result FROM results WHERE analysis = ? ORDER BY created_at DESC", analysis);
    }

    /** The stored results of one analysis of one eval set and window, newest first, as JSON texts. */
    public List<String> results(String analysis, String setName, String window) {
        return resultTexts("SELECT result FROM results WHERE analysis = ? AND set_name = ? AND time_window = ? "
                + "ORDER BY created_at DESC", analysis, setName, window);
    }

    private List<String> resultTexts(String sql, String analysis, String... keys) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, analysis);
            for (int i = 0; i < keys.length; i++) {
                ps.setString(i + 2, keys[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("read " + analysis + " results", e);
        }
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------

    static List<String> stringList(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(String.valueOf(o));
        }
        return List.copyOf(out);
    }

    static long scalarLong(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
