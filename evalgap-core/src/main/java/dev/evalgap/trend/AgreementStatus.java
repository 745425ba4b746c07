package dev.evalgap.trend;

/** What the offline↔online rank correlation (Spearman's ρ, oriented by the KPI's {@link Direction}) says. */
public enum AgreementStatus {
    /** Oriented ρ &gt; 0 and its interval excludes 0: the offline score still predicts the KPI. */
    AGREES,
    /** Oriented ρ &ge; 0 but its interval includes 0: the offline score no longer predicts the KPI. Alert. */
    COLLAPSED,
    /** Oriented ρ &lt; 0: the offline score moves against the KPI. Alert. */
    INVERTED,
    /** Direction unknown and the interval excludes 0: related, but good or bad is not judged. */
    RELATED,
    /** Fewer than 3 releases, or a constant series: no correlation. */
    UNDEFINED;

    /** @return true for the states that raise an alert */
    public boolean alert() {
        return this == COLLAPSED || this == INVERTED;
    }
}
