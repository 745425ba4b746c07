/**
 * The timeline: offline score, gap and online KPIs per release and per window
 * ({@link dev.evalgap.trend.Trend}), the online KPIs derived from traffic feedback
 * ({@link dev.evalgap.trend.FeedbackKpis}), and offline↔online agreement across releases
 * ({@link dev.evalgap.trend.Agreement}), public versus sealed scores and the overfit index
 * ({@link dev.evalgap.trend.GoodhartGauge}) and the cases left out as stale
 * ({@link dev.evalgap.trend.StaleCases}). SQL stays in {@link dev.evalgap.store.TrendQueries};
 * the statistics are in {@link dev.evalgap.stats}.
 */
package dev.evalgap.trend;
