package dev.evalgap.demo;

import java.util.Locale;

/** How a user writes a message. */
enum Register {
    /** Lower case, no punctuation, often typos: "where is my order 48213". */
    TERSE,
    /** One plain sentence. */
    PLAIN,
    /** A greeting, the request and thanks. */
    POLITE,
    /** Background, an aside, the request: several sentences. */
    RAMBLING,
    /** Complaint around the request, exclamation marks, sometimes capitals. */
    ANGRY,
    /** Well-formed text as an eval-suite author writes it: no typos, proper punctuation. */
    CLEAN;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
