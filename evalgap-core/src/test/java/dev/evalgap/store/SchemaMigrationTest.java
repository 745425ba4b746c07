package dev.evalgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace written by an older evalgap opens and is brought up to the current schema, data kept. */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersion1WorkspaceGainsTheRatingsTableAndKeepsItsData() throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Store store = Store.open(file, "test"); Staging<Interaction> s = store.stage(RecordTable.TRAFFIC)) {
            s.add(new Interaction("a", Instant.parse("2026-11-18T10:00:00Z"), "2026-W47", "hello", null, null, null,
                    null, null, null, null, null, null, null, null), null, "t.jsonl");
            s.merge(null, false, new IngestLog("t.jsonl", "abc", 1, 0));
        }
        // what schema 1 looked like: no ratings table
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + file); var st = c.createStatement()) {
            st.execute("DROP TABLE ratings");
            st.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
        }
        try (Store store = Store.open(file, "test")) {
            assertThat(store.meta("schema_version")).hasValue("2");
            assertThat(store.count("ratings")).isZero();
            assertThat(store.ratings()).isEqualTo(List.of());
            assertThat(store.count("traffic")).isEqualTo(1);
        }
    }
}
