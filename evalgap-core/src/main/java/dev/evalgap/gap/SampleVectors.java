package dev.evalgap.gap;

import dev.evalgap.Progress;
import dev.evalgap.embed.Embedder;
import dev.evalgap.store.TextItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of both samples. The user's own vectors are used only when every sampled item on both
 * sides carries one of the same dimension: vectors from two different models are not comparable.
 */
record SampleVectors(float[][] eval, float[][] production, String embedder) {

    static final String PROVIDED = "provided";

    static SampleVectors of(List<TextItem> eval, List<TextItem> production, Embedder embedder, Progress progress) {
        if (allProvided(eval, production)) {
            return new SampleVectors(provided(eval), provided(production), PROVIDED);
        }
        List<String> texts = new ArrayList<>(eval.size() + production.size());
        eval.forEach(t -> texts.add(t.text()));
        production.forEach(t -> texts.add(t.text()));
        float[][] all = embedder.embed(texts, progress);
        float[][] a = new float[eval.size()][];
        float[][] b = new float[production.size()][];
        System.arraycopy(all, 0, a, 0, a.length);
        System.arraycopy(all, a.length, b, 0, b.length);
        return new SampleVectors(a, b, embedder.id());
    }

    private static boolean allProvided(List<TextItem> eval, List<TextItem> production) {
        int dim = eval.get(0).embedding() == null ? -1 : eval.get(0).embedding().length;
        if (dim <= 0) {
            return false;
        }
        return eval.stream().allMatch(t -> t.embedding() != null && t.embedding().length == dim)
                && production.stream().allMatch(t -> t.embedding() != null && t.embedding().length == dim);
    }

    private static float[][] provided(List<TextItem> items) {
        return items.stream().map(TextItem::embedding).toArray(float[][]::new);
    }
}
