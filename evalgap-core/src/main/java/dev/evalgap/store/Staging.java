package dev.evalgap.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Records of one ingest, held in a temporary table until {@link #merge} moves them into the real
 * table in one transaction. Dropping a file's rows ({@link #discard}) or closing without merging
 * leaves the workspace exactly as it was.
 */
public final class Staging<T> implements AutoCloseable {

    private final Store store;
    private final DuckDBConnection connection;
    private final RecordTable<T> table;
    private final String stage;
    private DuckDBAppender appender;
    private long seq;

    Staging(Store store, DuckDBConnection connection, RecordTable<T> table) {
        this.store = store;
        this.connection = connection;
        this.table = table;
        this.stage = "stage_" + table.name();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE " + stage + " AS SELECT *, 0::BIGINT AS seq, ''::VARCHAR AS stage_source"
                    + " FROM " + table.name() + " LIMIT 0");
        } catch (SQLException e) {
            throw store.failure("prepare staging for " + table.name(), e);
        }
    }

    /** Stages one record read from {@code source}; for eval cases {@code setName} names the set. */
    public void add(T record, String setName, String source) {
        try {
            if (appender == null) {
                appender = connection.createAppender("temp", "main", stage);
            }
            appender.beginRow();
            table.binder().bind(appender, record, setName, source);
            appender.append(seq++).append(source).endRow();
        } catch (SQLException e) {
            throw store.failure("stage a " + table.name() + " record", e);
        }
    }

    /** Forgets every staged record of {@code source} (a file that failed validation). */
    public void discard(String source) {
        flush();
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + stage + " WHERE stage_source = ?")) {
            ps.setString(1, source);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw store.failure("discard staged records of " + source, e);
        }
    }

    /**
     * Moves the staged records into the table in one transaction and logs the ingest.
     *
     * <p>Traffic is append-only: a record whose id exists is left alone. Runs and KPIs replace the
     * row with the same id (a corrected score). Eval cases form a new set version when, and only when,
     * the resulting set differs from the current one; with {@code replaceSet} the staged cases are the
     * whole set, otherwise they are added to (or update) the current version.
     */
    public MergeCounts merge(String setName, boolean replaceSet, IngestLog log) {
        flush();
        try {
            connection.setAutoCommit(false);
            try {
                MergeCounts counts = switch (table.name()) {
                    case "traffic" -> StagingMerges.appendOnly(connection, stage);
                    case "cases" -> StagingMerges.caseVersion(connection, stage, setName, replaceSet, log.source());
                    default -> StagingMerges.replaceById(connection, stage, table.name());
                };
                StagingMerges.log(connection, table.name(), log, counts);
                connection.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw store.failure("merge " + table.name(), e);
        }
    }

    /** Records staged so far (after discards). */
    public long size() {
        flush();
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + stage)) {
            return Store.scalarLong(ps);
        } catch (SQLException e) {
            throw store.failure("count staged records", e);
        }
    }

    private void flush() {
        if (appender != null) {
            try {
                appender.close();
            } catch (SQLException e) {
                throw store.failure("stage " + table.name() + " records", e);
            }
            appender = null;
        }
    }

    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            if (appender != null) {
                appender.close();
                appender = null;
            }
            st.execute("DROP TABLE IF EXISTS " + stage);
        } catch (SQLException e) {
            throw store.failure("drop staging for " + table.name(), e);
        }
    }
}
