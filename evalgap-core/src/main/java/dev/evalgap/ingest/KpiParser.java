package dev.evalgap.ingest;

import dev.evalgap.store.KpiObservation;

/**
 * Online-KPI records into {@link KpiObservation}s: {@code release} or {@code window} (at least one;
 * the window label is kept as written), {@code metric} and a finite {@code value} required;
 * {@code n} a non-negative integer. {@code id} = {@code sha256("kpis", release, window, metric)}
 * truncated to 32 hex characters: one value per release, window and metric.
 */
public final class KpiParser extends RecordParser<KpiObservation> {

    public KpiParser(String file, IngestOptions options) {
        super(StreamKind.KPIS, file, options, null, null);
    }

    @Override
    KpiObservation build(Fields f) {
        String release = f.id("release");
        String window = f.id("window");
        if (release == null && window == null) {
            throw f.missing("release", "missing, and so is 'window': a KPI needs a release or a window");
        }
        String metric = f.requiredId("metric");
        double value = f.requiredNumber("value", false);
        Long n = f.count("n");
        return new KpiObservation(ContentId.of("kpis", release, window, metric), release, window, metric, value, n);
    }
}
