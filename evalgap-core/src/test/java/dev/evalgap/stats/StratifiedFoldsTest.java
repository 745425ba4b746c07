package dev.evalgap.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {

    /** 71 rows, interleaved: 7 of class 1 and 32 each of classes 0 and 2. */
    private static int[] labels() {
        final int[] y = new int[71];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3 == 0 && i < 21 ? 1 : (i % 2 == 0 ? 2 : 0);
        }
        return y;
    }

    @Test
    void classesAndFoldSizesDifferByAtMostOne() {
        final int[] y = labels();
        final int k = 5;
        final int[] fold = StratifiedFolds.withDefaults().withFolds(k).withSeed(11).assign(y);
        final int[][] count = new int[3][k];
        final int[] size = new int[k];
        for (int i = 0; i < y.length; i++) {
            assertThat(fold[i]).isBetween(0, k - 1);
            count[y[i]][fold[i]]++;
            size[fold[i]]++;
        }
        for (int c = 0; c < 3; c++) {
            final int min = java.util.Arrays.stream(count[c]).min().getAsInt();
            final int max = java.util.Arrays.stream(count[c]).max().getAsInt();
            assertThat(max - min).as("class %d spread", c).isLessThanOrEqualTo(1);
            assertThat(min).isGreaterThanOrEqualTo(1);
        }
        final int min = java.util.Arrays.stream(size).min().getAsInt();
        final int max = java.util.Arrays.stream(size).max().getAsInt();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(java.util.Arrays.stream(size).sum()).isEqualTo(71);
    }

    @Test
    void seedDeterminesTheAssignment() {
        final int[] y = labels();
        final StratifiedFolds folds = StratifiedFolds.withDefaults().withSeed(3);
        assertThat(folds.assign(y)).isEqualTo(folds.assign(y));
        assertThat(folds.assign(y)).isEqualTo(StratifiedFolds.withDefaults().withSeed(3).assign(y));
        assertThat(folds.assign(y)).isNotEqualTo(folds.withSeed(4).assign(y));
        assertThat(StratifiedFolds.withDefaults().folds()).isEqualTo(5);
        assertThat(StratifiedFolds.withDefaults().seed()).isEqualTo(0);
        assertThat(folds.withFolds(3).folds()).isEqualTo(3);
        assertThat(folds.folds()).isEqualTo(5);
    }

    @Test
    void shuffleIsNotTheIdentity() {
        // Without shuffling, rows 0..4 of one class would go to folds 0..4 in order
        final int[] y = new int[100];
        final int[] fold = StratifiedFolds.withDefaults().assign(y);
        int inOrder = 0;
        for (int i = 0; i < y.length; i++) {
            if (fold[i] == i % 5) {
                inOrder++;
            }
        }
        assertThat(inOrder).isLessThan(40);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> StratifiedFolds.withDefaults().assign(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("class 1 has 4 members, fewer than the number of folds (5)");
        assertThatThrownBy(() -> StratifiedFolds.withDefaults().assign(new int[] {0, -1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels[1] must be >= 0");
        assertThatThrownBy(() -> StratifiedFolds.withDefaults().assign(new int[0]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels is empty");
        assertThatThrownBy(() -> StratifiedFolds.withDefaults().withFolds(1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("folds must be >= 2, got 1");
    }
}
