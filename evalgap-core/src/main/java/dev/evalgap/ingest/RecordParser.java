package dev.evalgap.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates one {@link SourceRecord} into a stored record type, reading each canonical field through
 * the {@link FieldMapping}. The first problem found, in the stream's field order, rejects the record
 * with a message such as {@code traffic.jsonl:7: field 'ts': not a timestamp ("yesterday")}.
 *
 * <p>Rules shared by every stream:
 * <ul>
 *   <li>absent, JSON {@code null} and (for optional fields) blank strings all mean "no value";
 *       a required field without a value is {@code missing}, a blank one {@code blank};</li>
 *   <li>text fields take strings, numbers and booleans (as written); objects and arrays are
 *       {@code not a string}. Free text ({@code text}, {@code response}, {@code input},
 *       {@code expected}, {@code output}, {@code rationale}) is kept verbatim, identifiers and labels
 *       are trimmed;</li>
 *   <li>numbers take JSON numbers and decimal strings ({@code "0.7"}, {@code "1e-3"}); anything else is
 *       {@code not a number}, and NaN or infinity {@code not finite};</li>
 *   <li>booleans take {@code true/false}, {@code 1/0} and {@code yes/no} (any case);</li>
 *   <li>timestamps: see {@link Timestamps}; dates take {@code 2026-11-22} or any timestamp (its UTC date);</li>
 *   <li>enumerations are matched case-insensitively, {@code _} read as {@code -}, and stored lower-case;</li>
 *   <li>embeddings take a JSON array of numbers or a string {@code "[0.1, 0.2]"} / {@code "0.1 0.2"}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the record type produced
 */
public abstract sealed class RecordParser<T> permits TrafficParser, CaseParser, RunParser, KpiParser,
        RatingParser {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern VECTOR_SEPARATOR = Pattern.compile("[\\s,;]+");

    private final String file;
    private final IngestOptions options;
    /** The field filled from a chat user turn ({@code text}/{@code input}), or null. */
    private final String chatTextField;
    /** The field filled from the assistant turn after it, or null. */
    private final String chatReplyField;

    RecordParser(StreamKind stream, String file, IngestOptions options, String chatTextField, String chatReplyField) {
        this.file = Objects.requireNonNull(file, "file");
        this.options = Objects.requireNonNull(options, "options");
        if (options.stream() != stream) {
            throw new IllegalArgumentException("a " + options.stream().label() + " mapping given to the "
                    + stream.label() + " parser");
        }
        this.chatTextField = chatTextField;
        this.chatReplyField = chatReplyField;
    }

    /** The parser for {@code options.stream()}. */
    public static RecordParser<?> of(String file, IngestOptions options) {
        switch (options.stream()) {
            case TRAFFIC:
                return new TrafficParser(file, options);
            case CASES:
                return new CaseParser(file, options);
            case RUNS:
                return new RunParser(file, options);
            case KPIS:
                return new KpiParser(file, options);
            case RATINGS:
                return new RatingParser(file, options);
            default:
                throw new AssertionError(options.stream());
        }
    }

    /** The record, or the first field error located at {@code file:record.line()}. */
    public final Parsed<T> parse(SourceRecord record) {
        try {
            return Parsed.ok(build(new Fields(record.fields())));
        } catch (Rejected r) {
            return Parsed.failed(r.error.at(file, record.line()));
        }
    }

    public final StreamKind stream() {
        return options.stream();
    }

    /** The file name used in error messages. */
    public final String file() {
        return file;
    }

    public final IngestOptions options() {
        return options;
    }

    /** Builds the record; accessors of {@code f} throw to reject it. */
    abstract T build(Fields f);

    /**
     * Whether an error about {@code field} must not quote its value: eval-case texts and run outputs may
     * belong to the sealed split, whose texts evalgap never prints. Their errors name the field only.
     */
    boolean hidesValueOf(String field) {
        return false;
    }

    /** What an error shows of a value: the value itself, or nothing for a hidden field. */
    private String shown(String field, JsonNode value) {
        return hidesValueOf(field) ? null : Json.render(value);
    }

    /** Thrown by {@link Fields} accessors to reject the record; caught in {@link #parse}. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient FieldError error;

        Rejected(FieldError error) {
            super(error.reason(), null, false, false);
            this.error = error;
        }
    }

    /** A resolved value and where it came from. */
    private record Value(JsonNode node, String mappedFrom) {
    }

    /** Typed access to the canonical fields of one record. */
    final class Fields {

        private final JsonNode record;
        private Chat chat;
        private String chatSource;
        private boolean chatResolved;

        Fields(JsonNode record) {
            this.record = record;
        }

        // ---- resolution ------------------------------------------------------------------------

        /** The value as found (blank strings included), or the chat turn standing in for it. */
        private Value value(String field) {
            FieldMapping m = options.mapping();
            String source = m.source(field);
            JsonNode v = FieldMapping.resolve(record, source);
            if (field.equals(chatTextField) && (v == null || isBlankText(v) || Chat.isChat(v))) {
                Chat c = chat();
                if (c != null) {
                    if (c.text() == null) {
                        throw new Rejected(new FieldError(field, chatSource,
                                "missing; no user turn in '" + chatSource + "'", null));
                    }
                    return new Value(TextNode.valueOf(c.text()), chatSource);
                }
            }
            if (field.equals(chatReplyField) && (v == null || isBlankText(v))) {
                Chat c = chat();
                if (c != null && c.reply() != null) {
                    return new Value(TextNode.valueOf(c.reply()), chatSource);
                }
            }
            return v == null ? null : new Value(v, m.isMapped(field) ? source : null);
        }

        /** The value, or {@code null} when absent or a blank string (an empty cell means no value). */
        private Value present(String field) {
            Value v = value(field);
            return v == null || isBlankText(v.node()) ? null : v;
        }

        private boolean isBlankText(JsonNode n) {
            return n.isTextual() && n.textValue().isBlank();
        }

        /** The chat turns: the text field itself when it is a list of turns, else {@code messages}. */
        private Chat chat() {
            if (chatResolved) {
                return chat;
            }
            chatResolved = true;
            FieldMapping m = options.mapping();
            JsonNode own = FieldMapping.resolve(record, m.source(chatTextField));
            if (Chat.isChat(own)) {
                chatSource = m.source(chatTextField);
                chat = Chat.of(own, options.chatTurn());
                return chat;
            }
            String source = m.source("messages");
            JsonNode msgs = FieldMapping.resolve(record, source);
            if (msgs != null && msgs.isTextual() && msgs.textValue().trim().startsWith("[")) {
                try {
                    msgs = Json.MAPPER.readTree(msgs.textValue()); // a CSV cell holding JSON
                } catch (JsonProcessingException e) {
                    throw reject("messages", "not valid JSON: " + Json.shortMessage(e), msgs);
                }
            }
            if (msgs == null) {
                return null;
            }
            if (!Chat.isChat(msgs)) {
                throw reject("messages", "not a list of chat turns {role, content}", msgs);
            }
            chatSource = source;
            chat = Chat.of(msgs, options.chatTurn());
            return chat;
        }

        private Rejected reject(String field, String reason, JsonNode shown) {
            return new Rejected(new FieldError(field, mappedFrom(field), reason, shown(field, shown)));
        }

        private Rejected reject(Value v, String field, String reason) {
            return new Rejected(new FieldError(field, v.mappedFrom(), reason, shown(field, v.node())));
        }

        Rejected missing(String field) {
            return missing(field, "missing");
        }

        Rejected missing(String field, String reason) {
            return new Rejected(new FieldError(field, mappedFrom(field), reason, null));
        }

        private String mappedFrom(String field) {
            FieldMapping m = options.mapping();
            return m.isMapped(field) ? m.source(field) : null;
        }

        // ---- text ------------------------------------------------------------------------------

        /** Free text, verbatim; {@code null} when absent or blank. */
        String text(String field) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            String s = scalarText(v, field);
            return s.isBlank() ? null : s;
        }

        /** Free text, verbatim; rejects when absent or blank. */
        String requiredText(String field) {
            Value v = value(field);
            if (v == null) {
                throw missing(field);
            }
            String s = scalarText(v, field);
            if (s.isBlank()) {
                throw reject(v, field, "blank");
            }
            return s;
        }

        /** An identifier or label, trimmed; {@code null} when absent or blank. */
        String id(String field) {
            String s = text(field);
            return s == null ? null : s.trim();
        }

        /** An identifier or label, trimmed; rejects when absent or blank. */
        String requiredId(String field) {
            return requiredText(field).trim();
        }

        /** A scalar as written, blank included; rejects when absent (or JSON null). */
        String requiredVerbatim(String field) {
            Value v = value(field);
            if (v == null) {
                throw missing(field);
            }
            return scalarText(v, field);
        }

        /** Rejects the record for {@code field}'s value, quoting it. */
        Rejected invalid(String field, String reason) {
            Value v = present(field);
            return v == null ? missing(field, reason) : reject(v, field, reason);
        }

        private String scalarText(Value v, String field) {
            JsonNode n = v.node();
            if (n.isTextual()) {
                return n.textValue();
            }
            if (n.isValueNode()) {
                return n.asText();
            }
            throw reject(v, field, "not a string");
        }

        /** One of {@code allowed} (lower-case; {@code _} read as {@code -}), or {@code null} when absent. */
        String oneOf(String field, List<String> allowed) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            String s = scalarText(v, field).trim().toLowerCase(Locale.ROOT).replace('_', '-');
            if (!allowed.contains(s)) {
                throw reject(v, field, "not one of " + String.join(", ", allowed));
            }
            return s;
        }

        /** A list of labels: a JSON array, or a string split on {@code ;} (if it has one) else on {@code ,}. */
        List<String> list(String field) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            JsonNode n = v.node();
            if (n.isTextual() && n.textValue().trim().startsWith("[")) {
                try {
                    n = Json.MAPPER.readTree(n.textValue());
                } catch (JsonProcessingException e) {
                    throw reject(v, field, "not a list of strings");
                }
            }
            List<String> out = new ArrayList<>();
            if (n.isArray()) {
                for (JsonNode e : n) {
                    if (!e.isValueNode() || e.isNull()) {
                        throw reject(v, field, "not a list of strings");
                    }
                    add(out, e.asText());
                }
            } else if (n.isValueNode()) {
                String s = n.asText();
                for (String part : s.split(s.indexOf(';') >= 0 ? ";" : ",")) {
                    add(out, part);
                }
            } else {
                throw reject(v, field, "not a list of strings");
            }
            return List.copyOf(out);
        }

        private void add(List<String> out, String s) {
            String t = s.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }

        // ---- numbers ---------------------------------------------------------------------------

        /** A finite number, or {@code null} when absent. */
        Double number(String field) {
            Value v = present(field);
            return v == null ? null : finite(v, field, false);
        }

        /** A finite number ≥ 0, or {@code null} when absent. */
        Double nonNegative(String field) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            double d = finite(v, field, false);
            if (d < 0) {
                throw reject(v, field, "negative");
            }
            return d;
        }

        /** A finite number; with {@code booleansAsNumbers}, {@code true}/{@code false} read as 1/0. */
        double requiredNumber(String field, boolean booleansAsNumbers) {
            Value v = present(field);
            if (v == null) {
                throw missing(field);
            }
            return finite(v, field, booleansAsNumbers);
        }

        private double finite(Value v, String field, boolean booleansAsNumbers) {
            JsonNode n = v.node();
            double d;
            if (n.isNumber()) {
                d = n.doubleValue();
            } else if (n.isTextual() && DECIMAL.matcher(n.textValue().trim()).matches()) {
                d = Double.parseDouble(n.textValue().trim());
            } else if (booleansAsNumbers && bool(n) != null) {
                d = bool(n) ? 1 : 0;
            } else if (n.isTextual() && isNonFiniteWord(n.textValue())) {
                throw reject(v, field, "not finite");
            } else {
                throw reject(v, field, "not a number");
            }
            if (!Double.isFinite(d)) {
                throw reject(v, field, "not finite");
            }
            return d;
        }

        private Boolean bool(JsonNode n) {
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isTextual()) {
                String s = n.textValue().trim().toLowerCase(Locale.ROOT);
                if (s.equals("true")) {
                    return true;
                }
                if (s.equals("false")) {
                    return false;
                }
            }
            return null;
        }

        private boolean isNonFiniteWord(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT).replace("+", "").replace("-", "");
            return t.equals("nan") || t.equals("inf") || t.equals("infinity");
        }

        /** A non-negative integer (also {@code "12"} or {@code 12.0}), or {@code null} when absent. */
        Long count(String field) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            double d = finite(v, field, false);
            if (d < 0) {
                throw reject(v, field, "negative");
            }
            if (d != Math.rint(d) || d > Long.MAX_VALUE) {
                throw reject(v, field, "not an integer");
            }
            return (long) d;
        }

        // ---- booleans --------------------------------------------------------------------------

        /** {@code true/false}, {@code 1/0}, {@code yes/no}, or {@code null} when absent. */
        Boolean flag(String field) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            JsonNode n = v.node();
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isNumber()) {
                if (n.doubleValue() == 1) {
                    return true;
                }
                if (n.doubleValue() == 0) {
                    return false;
                }
            } else if (n.isTextual()) {
                switch (n.textValue().trim().toLowerCase(Locale.ROOT)) {
                    case "true": case "1": case "yes":
                        return true;
                    case "false": case "0": case "no":
                        return false;
                    default:
                        break;
                }
            }
            throw reject(v, field, "not a boolean (true/false, 1/0, yes/no)");
        }

        /** Thumbs up (true) or down (false): {@code up/down}, {@code true/false}, {@code 1/0}, {@code +1/-1}. */
        Boolean thumbs(String field) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            JsonNode n = v.node();
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isNumber()) {
                double d = n.doubleValue();
                if (d == 1) {
                    return true;
                }
                if (d == 0 || d == -1) {
                    return false;
                }
            } else if (n.isTextual()) {
                switch (n.textValue().trim().toLowerCase(Locale.ROOT)) {
                    case "up": case "true": case "1": case "+1":
                        return true;
                    case "down": case "false": case "0": case "-1":
                        return false;
                    default:
                        break;
                }
            }
            throw reject(v, field, "not up/down, true/false, 1/0 or +1/-1");
        }

        // ---- time ------------------------------------------------------------------------------

        /** A timestamp ({@link Timestamps}), or {@code null} when absent. */
        Instant timestamp(String field) {
            Value v = present(field);
            return v == null ? null : instant(v, field, "not a timestamp");
        }

        /** A date, or the UTC date of a timestamp; {@code null} when absent. */
        LocalDate date(String field) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            return LocalDate.ofInstant(instant(v, field, "not a date"), ZoneOffset.UTC);
        }

        private Instant instant(Value v, String field, String reason) {
            JsonNode n = v.node();
            try {
                if (n.isNumber()) {
                    if (!Double.isFinite(n.doubleValue())) {
                        throw reject(v, field, reason);
                    }
                    return Timestamps.fromEpoch(n.isBigDecimal() || n.isIntegralNumber()
                            ? n.decimalValue() : new BigDecimal(Double.toString(n.doubleValue())));
                }
                if (n.isTextual()) {
                    return Timestamps.parse(n.textValue());
                }
            } catch (DateTimeException | ArithmeticException e) {
                throw reject(v, field, reason);
            }
            throw reject(v, field, reason);
        }

        // ---- vectors ---------------------------------------------------------------------------

        /** A vector of finite floats, or {@code null} when absent. */
        float[] vector(String field) {
            Value v = present(field);
            if (v == null) {
                return null;
            }
            JsonNode n = v.node();
            float[] out;
            if (n.isArray()) {
                out = new float[n.size()];
                for (int i = 0; i < out.length; i++) {
                    JsonNode e = n.get(i);
                    if (!e.isNumber()) {
                        throw reject(v, field, "not a vector of numbers");
                    }
                    out[i] = (float) e.doubleValue();
                }
            } else if (n.isTextual()) {
                String s = n.textValue().trim();
                if (s.startsWith("[") && s.endsWith("]")) {
                    s = s.substring(1, s.length() - 1).trim();
                }
                String[] parts = s.isEmpty() ? new String[0] : VECTOR_SEPARATOR.split(s);
                out = new float[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    if (!DECIMAL.matcher(parts[i]).matches()) {
                        throw reject(v, field, "not a vector of numbers");
                    }
                    out[i] = Float.parseFloat(parts[i]);
                }
            } else {
                throw reject(v, field, "not a vector of numbers");
            }
            if (out.length == 0) {
                throw reject(v, field, "empty vector");
            }
            for (float f : out) {
                if (!Float.isFinite(f)) {
                    throw reject(v, field, "not finite");
                }
            }
            return out;
        }
    }
}
