package dev.evalgap.demo;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The slot values of one message, so that a request, the reply to it and its reference answer
 * name the same order, product and amount. {@code today} anchors relative dates ("last Tuesday").
 */
final class Bindings {

    private final LocalDate today;
    private final Map<String, String> values = new LinkedHashMap<>();

    Bindings(LocalDate today) {
        this.today = today;
    }

    /** A copy sharing today's date and the values bound so far (a rephrasing keeps the order number). */
    Bindings copy(LocalDate newToday) {
        Bindings b = new Bindings(newToday);
        b.values.putAll(values);
        return b;
    }

    LocalDate today() {
        return today;
    }

    String get(String key) {
        return values.get(key);
    }

    void put(String key, String value) {
        values.put(key, value);
    }

    Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }
}
