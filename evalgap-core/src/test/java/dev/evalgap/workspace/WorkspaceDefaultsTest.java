package dev.evalgap.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkspaceDefaultsTest {

    @Test
    void theBuiltInDefaultsAreReadOnceAndCannotBeChangedByACaller() {
        Workspace.preloadDefaults();
        WorkspaceConfig first = Workspace.defaultConfig();
        assertThat(Workspace.defaultConfig()).isSameAs(first);

        // The values of the template evalgap.yaml
        assertThat(first.gap().permutations()).isEqualTo(1000);
        assertThat(first.gap().confidence()).isEqualTo(0.95);
        assertThat(first.thresholds()).containsEntry("max_gap_score", 0.5);

        assertThatThrownBy(() -> first.thresholds().put("max_gap_score", 0.9))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(Workspace.defaultConfig().thresholds()).containsEntry("max_gap_score", 0.5);
    }
}
