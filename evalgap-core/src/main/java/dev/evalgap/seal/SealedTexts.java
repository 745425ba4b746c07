package dev.evalgap.seal;

import dev.evalgap.store.EvalCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which texts must not be shown because they would reveal a sealed case: the sealed cases' own
 * inputs and expected answers, and any other text (a production record, a candidate case) that
 * contains one of them. Production samples are often copied verbatim into an eval set, so the
 * production twin of a sealed case is as revealing as the case itself.
 *
 * <p>Texts are compared after lower-casing and collapsing white space. A sealed text of at least
 * {@link #MIN_CONTAINED} characters (after that normalisation) hides every text containing it; a
 * shorter one ("hi", "refund?") hides only texts equal to it, since it reveals nothing when it
 * occurs inside a longer message.
 */
public final class SealedTexts {

    /** Normalised length from which a sealed text hides every text that contains it. */
    public static final int MIN_CONTAINED = 8;

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final SealedTexts NONE = new SealedTexts(Set.of(), Set.of(), List.of());

    private final Set<String> sealedIds;
    private final Set<String> exact;
    private final List<String> contained;

    private SealedTexts(Set<String> sealedIds, Set<String> exact, List<String> contained) {
        this.sealedIds = sealedIds;
        this.exact = exact;
        this.contained = contained;
    }

    /** Nothing is sealed. */
    public static SealedTexts none() {
        return NONE;
    }

    /** The sealed cases among {@code cases} (one set version). */
    public static SealedTexts of(List<EvalCase> cases) {
        Set<String> ids = new HashSet<>();
        Set<String> exact = new HashSet<>();
        Set<String> contained = new HashSet<>();
        for (EvalCase c : cases) {
            if (!EvalCase.SPLIT_SEALED.equals(c.split())) {
                continue;
            }
            ids.add(c.caseId());
            for (String text : new String[] {c.input(), c.expected()}) {
                if (text == null) {
                    continue;
                }
                String n = normalise(text);
                if (n.isEmpty()) {
                    continue;
                }
                exact.add(n);
                if (n.length() >= MIN_CONTAINED) {
                    contained.add(n);
                }
            }
        }
        return ids.isEmpty() ? NONE : new SealedTexts(Set.copyOf(ids), Set.copyOf(exact), new ArrayList<>(contained));
    }

    /** @return true when the set has sealed cases */
    public boolean any() {
        return !sealedIds.isEmpty();
    }

    /** @return the number of sealed cases */
    public int sealedCases() {
        return sealedIds.size();
    }

    /** @return whether the case is sealed */
    public boolean isSealed(String caseId) {
        return sealedIds.contains(caseId);
    }

    /** @return whether showing {@code text} would reveal a sealed case's input or expected answer */
    public boolean reveals(String text) {
        if (text == null || sealedIds.isEmpty()) {
            return false;
        }
        String n = normalise(text);
        if (exact.contains(n)) {
            return true;
        }
        for (String s : contained) {
            if (n.length() >= s.length() && n.contains(s)) {
                return true;
            }
        }
        return false;
    }

    static String normalise(String text) {
        return SPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
