package dev.evalgap.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * Text and reply of a chat record: an array of turns {@code {role, content}} (OpenAI) or
 * {@code {from, value}} (ShareGPT). Content is a string or a list of parts, of which text parts
 * ({@code {type: "text", text}}, also {@code input_text}/{@code output_text}, or plain strings) are
 * joined with a newline. User roles: {@code user}, {@code human}; assistant roles: {@code assistant},
 * {@code gpt}, {@code bot}, {@code model}. Other roles (system, tool) are skipped.
 *
 * @param text  the chosen user turn, or {@code null} when there is none
 * @param reply the first assistant turn after it and before the next user turn, or {@code null}
 */
record Chat(String text, String reply) {

    private static final Set<String> USER = Set.of("user", "human");
    private static final Set<String> ASSISTANT = Set.of("assistant", "gpt", "bot", "model");

    /** Whether {@code node} looks like a list of chat turns. */
    static boolean isChat(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode m : node) {
            if (!m.isObject() || role(m) == null) {
                return false;
            }
        }
        return true;
    }

    /** Picks the turn; call only when {@link #isChat(JsonNode)}. */
    static Chat of(JsonNode messages, ChatTurn turn) {
        int chosen = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (USER.contains(role(messages.get(i)))) {
                chosen = i;
                if (turn == ChatTurn.FIRST) {
                    break;
                }
            }
        }
        if (chosen < 0) {
            return new Chat(null, null);
        }
        String reply = null;
        for (int i = chosen + 1; i < messages.size() && reply == null; i++) {
            String role = role(messages.get(i));
            if (USER.contains(role)) {
                break;
            }
            if (ASSISTANT.contains(role)) {
                reply = content(messages.get(i));
            }
        }
        return new Chat(content(messages.get(chosen)), reply);
    }

    private static String role(JsonNode m) {
        JsonNode r = m.has("role") ? m.get("role") : m.get("from");
        return r != null && r.isTextual() ? r.textValue().trim().toLowerCase(Locale.ROOT) : null;
    }

    private static String content(JsonNode m) {
        JsonNode c = m.has("content") ? m.get("content") : m.get("value");
        if (c == null || c.isNull()) {
            return null;
        }
        if (c.isTextual()) {
            return c.textValue();
        }
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : c) {
                String t = null;
                if (part.isTextual()) {
                    t = part.textValue();
                } else if (part.isObject() && part.path("text").isTextual()) {
                    String type = part.path("type").asText("text");
                    if (type.equals("text") || type.equals("input_text") || type.equals("output_text")) {
                        t = part.get("text").textValue();
                    }
                }
                if (t != null) {
                    sb.append(sb.length() == 0 ? "" : "\n").append(t);
                }
            }
            return sb.length() == 0 ? null : sb.toString();
        }
        return c.isValueNode() ? c.asText() : null;
    }
}
