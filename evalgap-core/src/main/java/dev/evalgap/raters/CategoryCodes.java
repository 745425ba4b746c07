package dev.evalgap.raters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The categories of one scale in code order (0..k−1): the declared ones ({@link Scale#declaredCategories()})
 * or, when the scale declares none, the labels its usable ratings carry, ordered by value (ordinal) or
 * alphabetically (nominal). An interval scale has no categories.
 */
final class CategoryCodes {

    private final Scale scale;
    private final List<String> categories;

    private CategoryCodes(Scale scale, List<String> categories) {
        this.scale = scale;
        this.categories = categories;
    }

    static CategoryCodes of(Scale scale, List<Rating> ratings) {
        if (scale.kind() == ScaleKind.INTERVAL) {
            return new CategoryCodes(scale, List.of());
        }
        List<String> declared = scale.declaredCategories();
        if (declared != null) {
            return new CategoryCodes(scale, declared);
        }
        Map<String, Double> observed = new TreeMap<>();
        for (Rating r : ratings) {
            if (r.usable()) {
                observed.put(r.label(), r.value() == null ? Double.NaN : r.value());
            }
        }
        List<String> labels = new ArrayList<>(observed.keySet());
        if (scale.kind() == ScaleKind.ORDINAL) {
            labels.sort(Comparator.comparingDouble(observed::get));
        }
        return new CategoryCodes(scale, List.copyOf(labels));
    }

    Scale scale() {
        return scale;
    }

    /** The categories in code order; empty on an interval scale. */
    List<String> categories() {
        return categories;
    }

    int size() {
        return categories.size();
    }

    /** The verdict of a usable rating's label and value. */
    Verdict verdict(String label, Double value) {
        return new Verdict(label, value == null ? Double.NaN : value, categories.indexOf(label));
    }
}
