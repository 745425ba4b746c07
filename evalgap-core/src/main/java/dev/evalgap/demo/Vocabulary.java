package dev.evalgap.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's words: slot fillers, register phrases, intents and incident cases, read from the
 * resource {@code support-assistant.txt} (its header documents the format). Immutable.
 */
final class Vocabulary {

    static final String RESOURCE = "support-assistant.txt";

    private final Map<String, List<String>> slots;
    private final Map<String, List<String>> phrases;
    private final List<Intent> intents;
    private final List<Incident> incidents;

    private Vocabulary(Map<String, List<String>> slots, Map<String, List<String>> phrases,
                       List<Intent> intents, List<Incident> incidents) {
        this.slots = slots;
        this.phrases = phrases;
        this.intents = intents;
        this.incidents = incidents;
    }

    /** The vocabulary shipped with evalgap. */
    static Vocabulary standard() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Vocabulary parse(String text) {
        Map<String, List<String>> slots = new LinkedHashMap<>();
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        List<Intent> intents = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();

        String kind = null;
        String name = null;
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            while (true) {
                line = reader.readLine();
                lineNo++;
                String trimmed = line == null ? null : line.strip();
                boolean header = trimmed != null && trimmed.startsWith("[") && trimmed.endsWith("]")
                        && !trimmed.contains("|");
                if (line == null || header) {
                    if (kind != null) {
                        switch (kind) {
                            case "slot" -> slots.put(name, List.copyOf(lines));
                            case "phrases" -> phrases.put(name, List.copyOf(lines));
                            case "intent" -> intents.add(toIntent(name, fields));
                            case "incident" -> incidents.add(toIncident(name, fields));
                            default -> throw new IllegalArgumentException(
                                    "line " + lineNo + ": unknown section kind " + kind);
                        }
                    }
                    if (line == null) {
                        break;
                    }
                    String[] parts = trimmed.substring(1, trimmed.length() - 1).strip().split("\\s+", 2);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("line " + lineNo + ": section needs a kind and a name");
                    }
                    kind = parts[0];
                    name = parts[1];
                    fields = new LinkedHashMap<>();
                    lines = new ArrayList<>();
                    continue;
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (kind == null) {
                    throw new IllegalArgumentException("line " + lineNo + ": text outside a section");
                }
                if (kind.equals("slot") || kind.equals("phrases")) {
                    lines.add(trimmed);
                } else {
                    int colon = trimmed.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("line " + lineNo + ": expected 'key: value'");
                    }
                    fields.computeIfAbsent(trimmed.substring(0, colon).strip(), k -> new ArrayList<>())
                            .add(trimmed.substring(colon + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(Collections.unmodifiableMap(slots), Collections.unmodifiableMap(phrases),
                List.copyOf(intents), List.copyOf(incidents));
    }

    private static Intent toIntent(String name, Map<String, List<String>> f) {
        return new Intent(name,
                IntentGroup.ofTag(one(name, f, "group")),
                Double.parseDouble(one(name, f, "weight")),
                required(name, f, "ask"),
                f.getOrDefault("context", List.of()),
                required(name, f, "reply"),
                one(name, f, "expected"));
    }

    private static Incident toIncident(String name, Map<String, List<String>> f) {
        return new Incident(name,
                LocalDate.parse(one(name, f, "created")),
                Arrays.stream(one(name, f, "tags").split(",")).map(String::strip).toList(),
                one(name, f, "input"),
                one(name, f, "expected"),
                one(name, f, "rationale"),
                one(name, f, "source_ref"));
    }

    private static List<String> required(String section, Map<String, List<String>> f, String key) {
        List<String> values = f.get(key);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("[" + section + "] needs at least one '" + key + ":'");
        }
        return values;
    }

    private static String one(String section, Map<String, List<String>> f, String key) {
        List<String> values = required(section, f, key);
        if (values.size() != 1) {
            throw new IllegalArgumentException("[" + section + "] needs exactly one '" + key + ":'");
        }
        return values.get(0);
    }

    /** Literal fillers of a slot, or {@code null} when the vocabulary has none (generated slots). */
    List<String> slot(String name) {
        return slots.get(name);
    }

    /** Register phrases (templates) of the given name. */
    List<String> phrases(String name) {
        return Objects.requireNonNull(phrases.get(name), () -> "no [phrases " + name + "]");
    }

    List<Intent> intents() {
        return intents;
    }

    List<Intent> intents(IntentGroup group) {
        return intents.stream().filter(i -> i.group() == group).toList();
    }

    Intent intent(String name) {
        return intents.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no intent " + name));
    }

    List<Incident> incidents() {
        return incidents;
    }
}
