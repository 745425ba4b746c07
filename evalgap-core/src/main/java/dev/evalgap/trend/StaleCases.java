package dev.evalgap.trend;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The eval cases whose ground truth is out of date, and whether the offline scores leave them out.
 *
 * @param asOf                the reference date of expiry (today, UTC, unless given)
 * @param policies            the current policy versions declared in {@code evalgap.yaml}
 * @param excluded            whether the stale cases are left out of every offline score (the default)
 * @param setCases            cases in the eval set version
 * @param expired             stale cases past their {@code expires} date
 * @param policySuperseded    stale cases citing a superseded policy version
 * @param cases               the stale cases, by id
 * @param undeclaredPolicies  policies cited by cases ({@code policy:NAME@VERSION}) but not declared,
 *                            as "NAME@VERSION" with the number of cases; these cases are not judged
 * @param rule                the rule, in words
 */
public record StaleCases(
        LocalDate asOf,
        Map<String, String> policies,
        boolean excluded,
        int setCases,
        int expired,
        int policySuperseded,
        List<StaleCase> cases,
        Map<String, Long> undeclaredPolicies,
        String rule) {

    /** @return stale cases / cases in the set; NaN for an empty set */
    public double share() {
        return setCases == 0 ? Double.NaN : cases.size() / (double) setCases;
    }
}
