package dev.evalgap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Streams the rows of a Parquet file, in file order, each as one JSON object, through an in-memory
 * DuckDB ({@code read_parquet}) with streamed JDBC results, so memory does not grow with the file.
 *
 * <p>Each row is rendered by DuckDB's {@code to_json}: structs become objects, lists and arrays
 * become arrays, maps become objects, dates {@code "2026-11-22"}, {@code TIMESTAMP} (no zone)
 * {@code "2026-11-22 10:00:00"} and {@code TIMESTAMPTZ} {@code "2026-11-22 10:00:00+00"} (the
 * session zone is UTC), {@code NaN}/{@code Infinity} as bare tokens. Top-level {@code FLOAT} columns
 * are widened through their shortest decimal text, so a FLOAT 0.1 reads as 0.1 and not as
 * 0.10000000149011612; floats nested in lists or structs keep the binary widening.
 *
 * <p>Lives in the store package because that package owns every SQL statement.
 */
public final class ParquetRows implements AutoCloseable {

    private static final String ROW = "__evalgap_row";

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private long row;

    private ParquetRows(Connection connection, PreparedStatement statement, ResultSet rows) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    /**
     * Opens {@code file} for reading.
     *
     * @throws SQLException when the file is not a readable Parquet file
     */
    public static ParquetRows open(Path file) throws SQLException {
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        Connection c = DriverManager.getConnection("jdbc:duckdb:", props);
        PreparedStatement st = null;
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
                s.execute("SET preserve_insertion_order = true");
            }
            String path = file.toAbsolutePath().toString();
            List<String> floats = new ArrayList<>();
            try (PreparedStatement probe = c.prepareStatement("SELECT * FROM read_parquet(?) LIMIT 0")) {
                probe.setString(1, path);
                try (ResultSet rs = probe.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        if ("FLOAT".equalsIgnoreCase(md.getColumnTypeName(i))) {
                            floats.add(md.getColumnName(i));
                        }
                    }
                }
            }
            StringBuilder inner = new StringBuilder("SELECT *");
            if (!floats.isEmpty()) {
                inner.append(" REPLACE (");
                for (int i = 0; i < floats.size(); i++) {
                    String q = quote(floats.get(i));
                    inner.append(i == 0 ? "" : ", ")
                            .append("CAST(CAST(").append(q).append(" AS VARCHAR) AS DOUBLE) AS ").append(q);
                }
                inner.append(')');
            }
            inner.append(" FROM read_parquet(?)");
            st = c.prepareStatement("SELECT to_json(" + ROW + ")::VARCHAR FROM (" + inner + ") AS " + ROW);
            st.setString(1, path);
            return new ParquetRows(c, st, st.executeQuery());
        } catch (SQLException | RuntimeException e) {
            if (st != null) {
                st.close();
            }
            c.close();
            throw e;
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Advances to the next row; false after the last. */
    public boolean next() throws SQLException {
        if (rows.next()) {
            row++;
            return true;
        }
        return false;
    }

    /** The current row as a JSON object. */
    public String json() throws SQLException {
        return rows.getString(1);
    }

    /** 1-based number of the current row. */
    public long row() {
        return row;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {rows, statement, connection}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing an in-memory database cannot lose data
            }
        }
    }
}
