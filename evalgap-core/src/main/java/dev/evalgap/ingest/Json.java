package dev.evalgap.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON settings of ingestion, in one place. */
final class Json {

    /**
     * Accepts {@code NaN} and {@code Infinity} (pandas writes them; they are then rejected as "not
     * finite" with the field named, rather than as broken JSON); rejects trailing content after the
     * record on a line.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** For elements of a JSON array: the parser goes on after each element. */
    static final ObjectMapper ELEMENTS = MAPPER.copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final int MAX_VALUE_CHARS = 80;

    private Json() {
    }

    /** Jackson's message without the source location, e.g. {@code Unexpected end-of-input ...}. */
    static String shortMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int cut = m.indexOf(" (start marker at");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    /** A value as shown in an error: JSON (strings quoted), shortened to about 80 characters. */
    static String render(JsonNode v) {
        if (v == null) {
            return null;
        }
        String s = v.isNumber() ? v.asText() : v.toString(); // NaN as NaN, not "NaN"
        if (s.length() > MAX_VALUE_CHARS) {
            s = s.substring(0, MAX_VALUE_CHARS - 1) + "\u2026";
        }
        return s;
    }
}
