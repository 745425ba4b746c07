package dev.evalgap.trend;

import dev.evalgap.store.CaseScore;
import dev.evalgap.store.EvalCase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concept shift: eval cases whose ground truth no longer holds because they expired or because the
 * policy document they encode has a newer version (see {@link #RULE}).
 */
final class ConceptShift {

    static final String RULE = "a case is stale when its expires date is on or before the reference date, or when "
            + "its source_ref is policy:NAME@VERSION and evalgap.yaml declares another current version of NAME "
            + "(policies: {NAME: VERSION}; versions compared ignoring case and a leading v, so 3 = v3); stale cases are left out of every offline score "
            + "unless --include-stale";

    /** {@code policy:refund@v2}: the policy's name and version. */
    static final Pattern POLICY_REF = Pattern.compile("policy:([^@\\s]+)@(\\S+)");

    private ConceptShift() {
    }

    static StaleCases find(List<EvalCase> cases, Map<String, String> policies, LocalDate asOf, boolean excluded) {
        List<StaleCase> stale = new ArrayList<>();
        Map<String, Long> undeclared = new TreeMap<>();
        int expiredCount = 0;
        int supersededCount = 0;
        for (EvalCase c : cases) {
            boolean expired = c.expires() != null && !asOf.isBefore(c.expires());
            boolean superseded = false;
            String policyReason = null;
            if (c.sourceRef() != null) {
                Matcher m = POLICY_REF.matcher(c.sourceRef().strip());
                if (m.matches()) {
                    String current = policies.get(m.group(1));
                    if (current == null) {
                        undeclared.merge(m.group(1) + "@" + m.group(2), 1L, Long::sum);
                    } else if (!version(current).equals(version(m.group(2)))) {
                        superseded = true;
                        policyReason = "encodes policy " + m.group(1) + " " + m.group(2) + "; the current version is "
                                + current.strip();
                    }
                }
            }
            if (!expired && !superseded) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (expired) {
                reasons.add("expired " + c.expires() + " (as of " + asOf + ")");
                expiredCount++;
            }
            if (superseded) {
                reasons.add(policyReason);
                supersededCount++;
            }
            stale.add(new StaleCase(c.caseId(), c.expires(), c.sourceRef(), expired, superseded,
                    String.join("; ", reasons)));
        }
        return new StaleCases(asOf, java.util.Collections.unmodifiableMap(new TreeMap<>(policies)), excluded,
                cases.size(), expiredCount, supersededCount, List.copyOf(stale),
                java.util.Collections.unmodifiableMap(undeclared), RULE);
    }

    /** A version as compared: lower case, without a leading {@code v} ({@code V3}, {@code v3}, {@code 3}). */
    static String version(String v) {
        String s = v.strip().toLowerCase(java.util.Locale.ROOT);
        return s.length() > 1 && s.charAt(0) == 'v' ? s.substring(1) : s;
    }

    /** The scores of cases that are not stale. */
    static List<CaseScore> without(List<CaseScore> scores, StaleCases stale) {
        if (stale.cases().isEmpty()) {
            return scores;
        }
        Set<String> ids = new HashSet<>();
        stale.cases().forEach(c -> ids.add(c.caseId()));
        return scores.stream().filter(s -> !ids.contains(s.caseId())).toList();
    }
}
