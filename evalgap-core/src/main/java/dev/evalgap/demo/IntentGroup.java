package dev.evalgap.demo;

import java.util.Locale;

/** Families of intents whose share of traffic moves differently over the weeks. */
enum IntentGroup {
    /** "What can you do" and chit-chat: common at launch, fading as users learn the assistant. */
    EXPLORATORY,
    /** The stable bulk of support requests (returns, payments, account, products ...). */
    CORE,
    /**
     * "Where is my parcel" and what went wrong with it (order tracking, delivery problems): a core
     * request the suite holds in its week-1 proportion, until a carrier-delay wave from week 8 makes it
     * a large share of the traffic.
     */
    DELIVERY,
    /** A long tail of rarer requests that grows as users trust the assistant with more. */
    NICHE,
    /** The Auto-Reorder feature, launched in week 7: absent before, a large share by week 12. */
    FEATURE,
    /** Questions and complaints about refund policy v3, effective in week 9. */
    POLICY;

    /** The lower-case name used in the vocabulary file, tags and the truth file. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IntentGroup ofTag(String tag) {
        return valueOf(tag.trim().toUpperCase(Locale.ROOT));
    }
}
