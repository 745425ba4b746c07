package dev.evalgap.seal;

import dev.evalgap.Provenance;
import dev.evalgap.store.EvalCase;
import dev.evalgap.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Moves a seeded, stratified fraction of an eval set's cases to the sealed split, as a new set
 * version written in one transaction.
 *
 * <p>Rule ({@link #RULE}): the cases are stratified by their first tag (cases without tags form one
 * stratum; without any tag the set is one stratum). The total aimed for is round(fraction × N);
 * stratum s is given ⌊fraction × n_s⌋ and the remaining cases go, one each, to the strata with the
 * largest remainders (ties: larger stratum, then name). Cases already sealed count toward their
 * stratum's quota, and sealing never unseals; the rest of the quota are the stratum's public cases
 * with the smallest md5(case_id ":" seed) — the same bottom-k hash rule as every evalgap sample, so
 * the choice does not depend on the order of the file. Running the same seal again changes nothing
 * (no new version): it is idempotent.
 *
 * <pre>{@code
 * SealResult r = new Seal(store).run(new SealRequest("support", 0.2, 42));
 * }</pre>
 */
public final class Seal {

    /** Stratum of the cases without tags. */
    public static final String UNTAGGED = "(untagged)";
    /** The one stratum when no case has a tag. */
    public static final String ALL = "(all)";

    public static final String RULE = "strata: the case's first tag (cases without tags form one stratum); "
            + "total round(fraction x N), stratum s gets floor(fraction x n_s) plus one for the strata with the "
            + "largest remainders; cases already sealed count toward their stratum's quota and are never unsealed; "
            + "the rest are the stratum's public cases with the smallest md5(case_id:seed)";

    private final Store store;

    public Seal(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public SealResult run(SealRequest request) {
        String set = request.setName();
        int version = store.currentCaseVersion(set).orElseThrow(() -> new IllegalArgumentException(
                "no eval set '" + set + "' in this workspace; sets: " + store.caseSets().keySet()
                        + " (ingest one with `evalgap ingest cases --set NAME FILE`)"));
        List<EvalCase> cases = store.cases(set, version);
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("eval set '" + set + "' v" + version + " has no cases to seal");
        }
        boolean tagged = cases.stream().anyMatch(c -> c.tags() != null && !c.tags().isEmpty());
        Map<String, List<EvalCase>> strata = new TreeMap<>();
        for (EvalCase c : cases) {
            strata.computeIfAbsent(stratum(c, tagged), k -> new ArrayList<>()).add(c);
        }
        int n = cases.size();
        int target = (int) Math.round(request.fraction() * n);
        Map<String, Integer> quotas = quotas(strata, request.fraction(), target);

        List<String> newlySealed = new ArrayList<>();
        List<SealStratum> rows = new ArrayList<>();
        int before = 0;
        for (Map.Entry<String, List<EvalCase>> e : strata.entrySet()) {
            List<EvalCase> members = e.getValue();
            int sealed = (int) members.stream().filter(Seal::isSealed).count();
            int quota = quotas.get(e.getKey());
            int need = Math.max(0, quota - sealed);
            List<EvalCase> open = new ArrayList<>(members.stream().filter(c -> !isSealed(c)).toList());
            open.sort(Comparator.comparing((EvalCase c) -> md5(c.caseId() + ":" + request.seed()))
                    .thenComparing(EvalCase::caseId));
            open.subList(0, Math.min(need, open.size())).forEach(c -> newlySealed.add(c.caseId()));
            rows.add(new SealStratum(e.getKey(), members.size(), quota, sealed, sealed + Math.min(need, open.size())));
            before += sealed;
        }
        newlySealed.sort(null);
        int after = before + newlySealed.size();
        int newVersion = version;
        if (!newlySealed.isEmpty()) {
            newVersion = store.sealCases(set, version, newlySealed, String.format(Locale.ROOT,
                    "seal: fraction %s, seed %d, %d case(s) moved to the sealed split", request.fraction(),
                    request.seed(), newlySealed.size()));
        }
        return new SealResult(set, version, newVersion, newVersion != version, request.fraction(), request.seed(),
                tagged ? "by first tag (" + strata.size() + " strata)" : "none (no case has a tag)", RULE, n, target,
                before, after, List.copyOf(rows), List.copyOf(newlySealed), Provenance.now());
    }

    static boolean isSealed(EvalCase c) {
        return EvalCase.SPLIT_SEALED.equals(c.split());
    }

    private static String stratum(EvalCase c, boolean tagged) {
        if (!tagged) {
            return ALL;
        }
        return c.tags() == null || c.tags().isEmpty() ? UNTAGGED : c.tags().get(0);
    }

    /** Largest-remainder apportionment of {@code target} over the strata, by fraction × n_s. */
    static Map<String, Integer> quotas(Map<String, List<EvalCase>> strata, double fraction, int target) {
        Map<String, Integer> quota = new TreeMap<>();
        List<String> names = new ArrayList<>(strata.keySet());
        Map<String, Double> remainder = new TreeMap<>();
        int given = 0;
        for (String s : names) {
            double exact = fraction * strata.get(s).size();
            int floor = (int) Math.floor(exact);
            quota.put(s, floor);
            remainder.put(s, exact - floor);
            given += floor;
        }
        names.sort(Comparator.comparing((String s) -> -remainder.get(s))
                .thenComparing(s -> -strata.get(s).size()).thenComparing(Comparator.naturalOrder()));
        for (int i = 0; given < target && i < names.size(); i++, given++) {
            quota.merge(names.get(i), 1, Integer::sum);
        }
        return quota;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }
}
