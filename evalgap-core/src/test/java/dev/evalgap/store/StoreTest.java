package dev.evalgap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    private static Interaction interaction(String id, String text) {
        return new Interaction(id, Instant.parse("2026-11-18T10:00:00Z"), "2026-W47", text, null, "r1", null, null,
                null, null, null, null, null, null, null);
    }

    private static EvalCase evalCase(String id, String input) {
        return new EvalCase(id, input, null, List.of("t"), EvalCase.SPLIT_PUBLIC, null, null, null, null, null,
                null, null, null);
    }

    private static MergeCounts ingestTraffic(Store store, List<Interaction> records) {
        try (Staging<Interaction> s = store.stage(RecordTable.TRAFFIC)) {
            records.forEach(r -> s.add(r, null, "t.jsonl"));
            return s.merge(null, false, new IngestLog("t.jsonl", "abc", records.size(), 0));
        }
    }

    private static MergeCounts ingestCases(Store store, List<EvalCase> cases, boolean replace) {
        try (Staging<EvalCase> s = store.stage(RecordTable.CASES)) {
            cases.forEach(c -> s.add(c, "support", "c.jsonl"));
            return s.merge("support", replace, new IngestLog("c.jsonl", "abc", cases.size(), 0));
        }
    }

    @Test
    void trafficMergeIsIdempotentAndDropsRepeatsWithinAFile() {
        try (Store store = Store.open(dir.resolve("w.duckdb"), "test")) {
            MergeCounts first = ingestTraffic(store, List.of(interaction("a", "x"), interaction("b", "y"),
                    interaction("a", "x")));
            assertThat(first).isEqualTo(new MergeCounts(3, 2, 0, 1, 0, false));
            MergeCounts again = ingestTraffic(store, List.of(interaction("a", "x"), interaction("b", "y")));
            assertThat(again.added()).isZero();
            assertThat(store.count("traffic")).isEqualTo(2);
            assertThat(store.count("ingests")).isEqualTo(2);
        }
    }

    @Test
    void unmergedStagingLeavesNothing() {
        try (Store store = Store.open(dir.resolve("w.duckdb"), "test")) {
            try (Staging<Interaction> s = store.stage(RecordTable.TRAFFIC)) {
                s.add(interaction("a", "x"), null, "t.jsonl");
                s.discard("t.jsonl");
                assertThat(s.size()).isZero();
            }
            assertThat(store.count("traffic")).isZero();
        }
    }

    @Test
    void caseSetGetsANewVersionOnlyWhenItChanges() {
        try (Store store = Store.open(dir.resolve("w.duckdb"), "test")) {
            MergeCounts v1 = ingestCases(store, List.of(evalCase("c1", "a"), evalCase("c2", "b")), true);
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v1.added()).isEqualTo(2);
            MergeCounts same = ingestCases(store, List.of(evalCase("c2", "b"), evalCase("c1", "a")), true);
            assertThat(same.newVersion()).isFalse();
            assertThat(same.version()).isEqualTo(1);
            MergeCounts edited = ingestCases(store, List.of(evalCase("c1", "a2"), evalCase("c2", "b")), true);
            assertThat(edited).isEqualTo(new MergeCounts(2, 0, 1, 1, 2, true));
            MergeCounts appended = ingestCases(store, List.of(evalCase("c3", "c")), false);
            assertThat(appended.version()).isEqualTo(3);
            assertThat(store.cases("support", 3)).extracting(EvalCase::caseId).containsExactly("c1", "c2", "c3");
            assertThat(store.cases("support", 1)).extracting(EvalCase::input).containsExactly("a", "b");
            assertThat(store.caseSets()).isEqualTo(Map.of("support", 3));
        }
    }

    @Test
    void runsReplaceACorrectedScore() {
        try (Store store = Store.open(dir.resolve("w.duckdb"), "test")) {
            try (Staging<RunResult> s = store.stage(RecordTable.RUNS)) {
                s.add(new RunResult("r1|c1", "r1", "c1", 0.5, null, null), null, "runs.csv");
                s.add(new RunResult("r1|c2", "r1", "c2", 0.7, null, null), null, "runs.csv");
                assertThat(s.merge(null, false, new IngestLog("runs.csv", "x", 2, 0)).added()).isEqualTo(2);
            }
            try (Staging<RunResult> s = store.stage(RecordTable.RUNS)) {
                s.add(new RunResult("r1|c1", "r1", "c1", 0.6, null, null), null, "runs.csv");
                s.add(new RunResult("r1|c2", "r1", "c2", 0.7, null, null), null, "runs.csv");
                assertThat(s.merge(null, false, new IngestLog("runs.csv", "y", 2, 0)))
                        .isEqualTo(new MergeCounts(2, 0, 1, 1, 0, false));
            }
            assertThat(store.count("runs")).isEqualTo(2);
        }
    }

    @Test
    void sampleIsSeededAndIndependentOfInsertionOrder() {
        Path a = dir.resolve("a.duckdb");
        Path b = dir.resolve("b.duckdb");
        List<Interaction> records = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(interaction("id" + i, "text " + i));
        }
        List<Interaction> reversed = new java.util.ArrayList<>(records);
        java.util.Collections.reverse(reversed);
        try (Store sa = Store.open(a, "test"); Store sb = Store.open(b, "test")) {
            ingestTraffic(sa, records);
            ingestTraffic(sb, reversed);
            List<String> s1 = sa.sampleTraffic("2026-W47", 50, 7).stream().map(TextItem::id).toList();
            List<String> s2 = sb.sampleTraffic("2026-W47", 50, 7).stream().map(TextItem::id).toList();
            List<String> s3 = sa.sampleTraffic("2026-W47", 50, 8).stream().map(TextItem::id).toList();
            assertThat(s1).hasSize(50).isEqualTo(s2).isNotEqualTo(s3);
        }
    }

    @Test
    void embeddingCacheRoundTripsVectorsExactly() {
        try (Store store = Store.open(dir.resolve("w.duckdb"), "test")) {
            float[] v = {0.25f, -1.5f, Float.MIN_VALUE};
            store.put("m", Map.of("h1", v));
            store.put("m", Map.of("h1", v));
            assertThat(store.get("m", List.of("h1", "h2"))).containsOnlyKeys("h1");
            assertThat(store.get("m", List.of("h1")).get("h1")).containsExactly(v);
            assertThat(store.get("other", List.of("h1"))).isEmpty();
        }
    }

    @Test
    void secondWriterGetsAClearLockError() throws Exception {
        Path file = dir.resolve("w.duckdb");
        Store.open(file, "test").close();
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(other.getInputStream().readNBytes(7))).isEqualTo("locked\n");
            assertThatThrownBy(() -> Store.open(file, "test"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by another process (PID " + other.pid() + ")");
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    @Test
    void newerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("w.duckdb");
        Store.open(file, "test").close();
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + file); var st = c.createStatement()) {
            st.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        }
        assertThatThrownBy(() -> Store.open(file, "test"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("written by a newer evalgap (schema 99");
    }

    /** Holds the database open in another process, as a second evalgap would. */
    public static final class HoldLock {
        public static void main(String[] args) throws Exception {
            try (Store store = Store.open(Path.of(args[0]), "test")) {
                System.out.print("locked\n");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
