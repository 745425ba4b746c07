package dev.evalgap.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the eval suite the way a team does at launch: a uniform sample of distinct requests
 * from week 1's traffic with reference answers written for them, a tenth as many hand-written
 * cases for requests the team expects, and the cases written after incidents.
 */
final class CaseBuilder {

    static final int PRODUCTION_SAMPLES = 265;
    static final int HANDWRITTEN = 30;

    /** Intents whose reference answers depend on the refund policy document. */
    private static final Set<String> REFUND_POLICY_INTENTS = Set.of("returns", "refund_status", "exchanges");
    static final String REFUND_POLICY_V2 = "policy:refund@v2";

    private static final List<String> OWNERS = List.of("maria.keller", "dev.okafor", "jun.park", "sam.reyes");
    private static final List<String> SAMPLE_RATIONALES = List.of(
            "Sampled from launch-week production traffic (%s) to represent %s requests.",
            "Frequent %2$s request in %1$s traffic; the reference follows the support playbook.",
            "Typical phrasing of a %2$s request seen in %1$s.");
    private static final List<String> HANDWRITTEN_RATIONALES = List.of(
            "Hand-written to cover a %s request the launch sample had too few of.",
            "Hand-written: a clean, well-formed %s request as the team expects users to ask it.",
            "Hand-written edge case for %s agreed with the support leads.");

    private final Vocabulary vocabulary;
    private final MessageStyler styler;
    private final TemplateExpander expander;

    CaseBuilder(Vocabulary vocabulary, MessageStyler styler, TemplateExpander expander) {
        this.vocabulary = vocabulary;
        this.styler = styler;
        this.expander = expander;
    }

    List<DemoCase> build(List<TrafficRecord> traffic, SplittableRandom rng) {
        List<DemoCase> cases = new ArrayList<>();
        String week1 = Timeline.isoWeek(1);

        // 1. production samples: uniform over week-1 records, one case per distinct text
        List<TrafficRecord> pool = new ArrayList<>(traffic.stream().filter(r -> r.week() == 1).toList());
        shuffle(pool, rng);
        Set<String> seen = new HashSet<>();
        for (TrafficRecord r : pool) {
            if (cases.size() == PRODUCTION_SAMPLES) {
                break;
            }
            String key = r.text().strip().toLowerCase(Locale.ROOT);
            if (key.length() < 8 || !seen.add(key)) {
                continue; // a curator drops "hi" and repeats
            }
            boolean policyBound = REFUND_POLICY_INTENTS.contains(r.intent().name());
            cases.add(new DemoCase(null, r.text(),
                    expander.expandBound(r.intent().expected(), r.bindings()),
                    List.of(r.intent().name(), r.intent().group().tag()),
                    DemoCase.PRODUCTION_SAMPLE,
                    TemplateExpander.tidy(String.format(Locale.ROOT, SlotFiller.pick(SAMPLE_RATIONALES, rng), week1,
                            label(r.intent()))),
                    SlotFiller.pick(OWNERS, rng),
                    Timeline.monday(2).plusDays(rng.nextInt(5)),
                    rng.nextInt(4) == 0 ? "human-edited-model-draft" : "human-written",
                    policyBound ? REFUND_POLICY_V2 : "traffic:" + r.id(),
                    r.register()));
        }

        // 2. hand-written: clean phrasings of core, delivery and niche intents, written in launch week
        List<Intent> expected = new ArrayList<>(vocabulary.intents(IntentGroup.CORE));
        expected.addAll(vocabulary.intents(IntentGroup.DELIVERY));
        expected.addAll(vocabulary.intents(IntentGroup.NICHE));
        shuffle(expected, rng);
        for (int i = 0; i < HANDWRITTEN; i++) {
            Intent intent = expected.get(i % expected.size());
            LocalDate created = Timeline.monday(1).plusDays(1 + rng.nextInt(4));
            Bindings bindings = new Bindings(created);
            String input = styler.write(intent, Register.CLEAN, bindings, rng);
            cases.add(new DemoCase(null, input,
                    expander.expandBound(intent.expected(), bindings),
                    List.of(intent.name(), intent.group().tag()),
                    DemoCase.HANDWRITTEN,
                    TemplateExpander.tidy(String.format(Locale.ROOT, SlotFiller.pick(HANDWRITTEN_RATIONALES, rng),
                            label(intent))),
                    SlotFiller.pick(OWNERS.subList(0, 2), rng),
                    created,
                    "human-written",
                    REFUND_POLICY_INTENTS.contains(intent.name()) ? REFUND_POLICY_V2 : null,
                    Register.CLEAN));
        }

        // 3. incidents
        for (Incident incident : vocabulary.incidents()) {
            List<String> tags = new ArrayList<>(incident.tags());
            tags.add("incident");
            cases.add(new DemoCase(null, incident.input(), incident.expected(), tags, DemoCase.INCIDENT,
                    incident.rationale(), "support-ops", incident.created(), "incident-postmortem",
                    incident.sourceRef(), Register.PLAIN));
        }

        List<DemoCase> numbered = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            DemoCase c = cases.get(i);
            numbered.add(new DemoCase(String.format(Locale.ROOT, "case-%04d", i + 1), c.input(), c.expected(),
                    c.tags(), c.origin(), c.rationale(), c.owner(), c.created(), c.labelSource(), c.sourceRef(),
                    c.register()));
        }
        return numbered;
    }

    private static String label(Intent intent) {
        return intent.name().replace('_', ' ');
    }

    static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
