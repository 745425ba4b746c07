package dev.evalgap.demo;

import java.util.List;

/**
 * One kind of request, as written in the vocabulary: templates for the request itself
 * ({@code asks}), optional background sentences, the assistant's replies and the reference answer.
 */
record Intent(
        String name,
        IntentGroup group,
        double weight,
        List<String> asks,
        List<String> contexts,
        List<String> replies,
        String expected) {

    Intent {
        asks = List.copyOf(asks);
        contexts = List.copyOf(contexts);
        replies = List.copyOf(replies);
    }
}
