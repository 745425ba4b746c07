package dev.evalgap.gap;

import dev.evalgap.Progress;
import dev.evalgap.embed.Embedder;
import dev.evalgap.store.TextItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of several samples, embedded in one call. The user's own vectors are used only when
 * every item of every sample carries one of the same dimension: vectors from two different models
 * are not comparable.
 */
record SampleVectors(List<float[][]> vectors, String embedder) {

    static final String PROVIDED = "provided";

    float[][] get(int sample) {
        return vectors.get(sample);
    }

    static SampleVectors of(List<List<TextItem>> samples, Embedder embedder, Progress progress) {
        if (allProvided(samples)) {
            return new SampleVectors(samples.stream()
                    .map(s -> s.stream().map(TextItem::embedding).toArray(float[][]::new)).toList(), PROVIDED);
        }
        List<String> texts = new ArrayList<>();
        samples.forEach(s -> s.forEach(t -> texts.add(t.text())));
        float[][] all = embedder.embed(texts, progress);
        List<float[][]> out = new ArrayList<>();
        int offset = 0;
        for (List<TextItem> s : samples) {
            float[][] part = new float[s.size()][];
            System.arraycopy(all, offset, part, 0, part.length);
            offset += part.length;
            out.add(part);
        }
        return new SampleVectors(out, embedder.id());
    }

    private static boolean allProvided(List<List<TextItem>> samples) {
        float[] first = samples.get(0).isEmpty() ? null : samples.get(0).get(0).embedding();
        if (first == null) {
            return false;
        }
        return samples.stream().allMatch(s -> s.stream()
                .allMatch(t -> t.embedding() != null && t.embedding().length == first.length));
    }
}
