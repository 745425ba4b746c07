package dev.evalgap.ingest;

import java.util.Locale;

/**
 * Which user turn of a chat record ({@code messages: [{role, content}, ...]}) becomes the
 * record's text when it has no {@code text}/{@code input} of its own. The assistant turn that
 * follows it (before the next user turn), if any, becomes {@code response} (traffic) or
 * {@code expected} (cases) when those are absent.
 */
public enum ChatTurn {
    /** The first user turn: what the conversation was opened with. */
    FIRST,
    /** The last user turn: the request the logged response answered. The default. */
    LAST;

    /** {@code first} or {@code last}, case-insensitive. */
    public static ChatTurn parse(String s) {
        String v = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
        for (ChatTurn t : values()) {
            if (t.name().equals(v)) {
                return t;
            }
        }
        throw new IngestException(IngestError.ofConfig("unknown chat turn '" + s + "'; valid: first, last"));
    }
}
