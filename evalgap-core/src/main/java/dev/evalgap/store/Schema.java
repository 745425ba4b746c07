package dev.evalgap.store;

import java.util.List;

/**
 * The workspace tables. Bump {@link #VERSION} with every change and add a migration step to {@link Store}.
 *
 * <p>History: 1 = traffic, cases, runs, KPIs, results; 2 adds {@code ratings}.
 */
final class Schema {
    static final int VERSION = 2;

    private Schema() {
    }

    static final List<String> CREATE = List.of(
            "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
            """
            CREATE TABLE IF NOT EXISTS traffic (
              id VARCHAR NOT NULL, ts TIMESTAMPTZ NOT NULL, time_window VARCHAR NOT NULL, text VARCHAR NOT NULL,
              response VARCHAR, release VARCHAR, session VARCHAR, segment VARCHAR, weight DOUBLE,
              thumbs_up BOOLEAN, retried BOOLEAN, edited BOOLEAN, abandoned BOOLEAN, csat DOUBLE,
              embedding BLOB, source VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS cases (
              set_name VARCHAR NOT NULL, version INTEGER NOT NULL, case_id VARCHAR NOT NULL, input VARCHAR NOT NULL,
              expected VARCHAR, tags VARCHAR[], split VARCHAR NOT NULL, origin VARCHAR, rationale VARCHAR,
              owner VARCHAR, created DATE, expires DATE, label_source VARCHAR, source_ref VARCHAR, embedding BLOB)""",
            """
            CREATE TABLE IF NOT EXISTS case_set_versions (
              set_name VARCHAR NOT NULL, version INTEGER NOT NULL, created_at TIMESTAMPTZ NOT NULL,
              source VARCHAR NOT NULL, n_cases INTEGER NOT NULL, PRIMARY KEY (set_name, version))""",
            """
            CREATE TABLE IF NOT EXISTS runs (
              id VARCHAR NOT NULL, release VARCHAR NOT NULL, case_id VARCHAR NOT NULL, score DOUBLE NOT NULL,
              grader VARCHAR, output VARCHAR, source VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS kpis (
              id VARCHAR NOT NULL, release VARCHAR, time_window VARCHAR, metric VARCHAR NOT NULL, value DOUBLE NOT NULL,
              n BIGINT, source VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS ratings (
              id VARCHAR NOT NULL, item_id VARCHAR NOT NULL, rater VARCHAR NOT NULL, rater_kind VARCHAR,
              rater_version VARCHAR, rubric_version VARCHAR, scale VARCHAR NOT NULL, raw_score VARCHAR NOT NULL,
              label VARCHAR, value DOUBLE, usable BOOLEAN NOT NULL, ts TIMESTAMPTZ, time_window VARCHAR, anchor BOOLEAN,
              output_len BIGINT, output_model VARCHAR, output_len_b BIGINT, output_model_b VARCHAR, shown_first VARCHAR,
              contrast_pair VARCHAR, contrast_side VARCHAR, source VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS ingests (
              ingested_at TIMESTAMPTZ NOT NULL, stream VARCHAR NOT NULL, source VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
              records BIGINT NOT NULL, added BIGINT NOT NULL, unchanged BIGINT NOT NULL, rejected BIGINT NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS embeddings (
              embedder VARCHAR NOT NULL, text_hash VARCHAR NOT NULL, vector BLOB NOT NULL,
              PRIMARY KEY (embedder, text_hash))""",
            """
            CREATE TABLE IF NOT EXISTS results (
              analysis VARCHAR NOT NULL, set_name VARCHAR, set_version INTEGER, time_window VARCHAR,
              created_at TIMESTAMPTZ NOT NULL, result JSON NOT NULL)""");
}
