package dev.evalgap.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each canonical field of a stream is read from in the user's records. A field that is not
 * mapped is read from its own name.
 *
 * <p>A source path is a column name (CSV, Parquet) or a key of the JSON object. When no key equals
 * the whole path, it is read as a dotted path through nested objects: {@code meta.created_at}; a
 * segment that is a non-negative integer indexes an array: {@code messages.0.content}. Keys that
 * themselves contain dots are found too ({@code a.b.c} matches {@code {"a": {"b.c": 1}}}).
 *
 * <p>Immutable. Built from {@code --field text=prompt} options ({@link #parse}) or from the
 * {@code fields:} map of {@code evalgap.yaml} ({@link #of}); {@link #overriddenBy} lets the command
 * line win over the config file.
 */
public final class FieldMapping {

    private final StreamKind stream;
    private final Map<String, String> sources;

    private FieldMapping(StreamKind stream, Map<String, String> sources) {
        this.stream = stream;
        this.sources = Collections.unmodifiableMap(sources);
    }

    /** Every field read from its own name. */
    public static FieldMapping identity(StreamKind stream) {
        return new FieldMapping(Objects.requireNonNull(stream), new LinkedHashMap<>());
    }

    /**
     * From a map canonical field &rarr; source path.
     *
     * @throws IngestException for a key that is not a field of {@code stream}, or a blank path
     */
    public static FieldMapping of(StreamKind stream, Map<String, String> canonicalToSource) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : canonicalToSource.entrySet()) {
            String field = e.getKey() == null ? "" : e.getKey().trim();
            checkField(stream, field);
            String source = e.getValue() == null ? "" : e.getValue().trim();
            if (source.isEmpty()) {
                throw new IngestException(IngestError.ofConfig(
                        "field '" + field + "' for " + stream.label() + " is mapped to an empty source"));
            }
            m.put(field, source);
        }
        return new FieldMapping(Objects.requireNonNull(stream), m);
    }

    /**
     * From {@code CANONICAL=SOURCE} strings, e.g. {@code text=prompt}, {@code ts=meta.created_at}.
     *
     * @throws IngestException for a string without {@code =} or with an empty side, a field mapped
     *                         twice, or a field that is not a field of {@code stream}
     */
    public static FieldMapping parse(StreamKind stream, Collection<String> specs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec == null ? -1 : spec.indexOf('=');
            String field = eq < 0 ? "" : spec.substring(0, eq).trim();
            String source = eq < 0 ? "" : spec.substring(eq + 1).trim();
            if (field.isEmpty() || source.isEmpty()) {
                throw new IngestException(IngestError.ofConfig("malformed field mapping '" + spec
                        + "': expected CANONICAL=SOURCE, e.g. text=prompt"));
            }
            checkField(stream, field);
            if (m.put(field, source) != null) {
                throw new IngestException(IngestError.ofConfig("field '" + field + "' is mapped twice"));
            }
        }
        return of(stream, m);
    }

    private static void checkField(StreamKind stream, String field) {
        if (!stream.fields().contains(field)) {
            throw new IngestException(IngestError.ofConfig("unknown field '" + field + "' for "
                    + stream.label() + "; valid: " + String.join(", ", stream.fields())));
        }
    }

    /** This mapping with {@code other}'s entries added, replacing entries for the same field. */
    public FieldMapping overriddenBy(FieldMapping other) {
        if (other.stream != stream) {
            throw new IllegalArgumentException(other.stream + " mapping cannot override " + stream);
        }
        Map<String, String> m = new LinkedHashMap<>(sources);
        m.putAll(other.sources);
        return new FieldMapping(stream, m);
    }

    public StreamKind stream() {
        return stream;
    }

    /** The source path of {@code field}: its mapped path, else its own name. */
    public String source(String field) {
        return sources.getOrDefault(field, field);
    }

    /** Whether {@code field} is read from somewhere other than its own name. */
    public boolean isMapped(String field) {
        String s = sources.get(field);
        return s != null && !s.equals(field);
    }

    /** The explicit entries, canonical field &rarr; source path, in the order given. */
    public Map<String, String> asMap() {
        return sources;
    }

    /**
     * The value at {@code path} in {@code record}, or {@code null} when absent or JSON null. An exact
     * key wins over a dotted path.
     */
    public static JsonNode resolve(JsonNode record, String path) {
        JsonNode v = record.get(path);
        if (v == null && path.indexOf('.') >= 0) {
            v = resolve(record, List.of(path.split("\\.", -1)), 0);
        }
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private static JsonNode resolve(JsonNode node, List<String> segments, int from) {
        if (from == segments.size()) {
            return node;
        }
        if (node.isArray()) {
            String seg = segments.get(from);
            if (seg.isEmpty() || seg.length() > 9 || !seg.chars().allMatch(Character::isDigit)) {
                return null;
            }
            JsonNode child = node.get(Integer.parseInt(seg));
            return child == null ? null : resolve(child, segments, from + 1);
        }
        if (!node.isObject()) {
            return null;
        }
        // Longest key first, so {"a.b": {...}} is found for path a.b.c
        for (int to = segments.size(); to > from; to--) {
            JsonNode child = node.get(String.join(".", segments.subList(from, to)));
            if (child != null) {
                JsonNode found = resolve(child, segments, to);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldMapping && ((FieldMapping) o).stream == stream
                && ((FieldMapping) o).sources.equals(sources);
    }

    @Override
    public int hashCode() {
        return stream.hashCode() * 31 + sources.hashCode();
    }

    @Override
    public String toString() {
        return stream.label() + sources;
    }
}
