package dev.evalgap.raters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void declarationsReadBackCanonically() {
        assertThat(Scale.parse(" Ordinal:1 - 5 ").label()).isEqualTo("ordinal:1-5");
        assertThat(Scale.parse("interval:-1..1").label()).isEqualTo("interval:-1..1");
        assertThat(Scale.parse("interval:0-10").label()).isEqualTo("interval:0-10");
        assertThat(Scale.parse("nominal:Safe|unsafe").label()).isEqualTo("nominal:safe|unsafe");
        assertThat(Scale.parse("PAIRWISE").label()).isEqualTo("pairwise");
        assertThat(Scale.parse("ordinal:1-5").declaredCategories()).containsExactly("1", "2", "3", "4", "5");
        assertThat(Scale.parse("pairwise").declaredCategories()).containsExactly("A", "tie", "B");
        assertThat(Scale.parse("ordinal").declaredCategories()).isNull();
    }

    @Test
    void badDeclarationsSayWhatIsWrong() {
        assertThatThrownBy(() -> Scale.parse("likert")).hasMessageStartingWith("not a scale");
        assertThatThrownBy(() -> Scale.parse("ordinal:1.5-5")).hasMessage("an ordinal range has integer ends");
        assertThatThrownBy(() -> Scale.parse("ordinal:one-five")).hasMessage("not a range (e.g. ordinal:1-5)");
        assertThatThrownBy(() -> Scale.parse("binary:0-1")).hasMessage("a binary scale takes no range or labels");
        assertThatThrownBy(() -> Scale.parse("nominal:yes")).hasMessageContaining("at least two labels");
        assertThatThrownBy(() -> Scale.parse("nominal:a|A")).hasMessageContaining("distinct");
    }

    @Test
    void scoresAreReadOnTheirScaleAndAnythingElseIsUnusable() {
        Scale binary = Scale.parse("binary");
        for (String yes : List.of("1", "1.0", "true", "YES", "pass")) {
            assertThat(binary.read(yes)).as(yes).isEqualTo(new ScoreReading("1", 1.0));
        }
        assertThat(binary.read("fail")).isEqualTo(new ScoreReading("0", 0.0));
        assertThat(binary.read("2")).isNull();

        Scale pairwise = Scale.parse("pairwise");
        assertThat(pairwise.read(" a ")).isEqualTo(new ScoreReading("A", 1.0));
        assertThat(pairwise.read("TIE")).isEqualTo(new ScoreReading("tie", 0.5));
        assertThat(pairwise.read("B")).isEqualTo(new ScoreReading("B", 0.0));
        assertThat(pairwise.read("garbage")).isNull();
        assertThat(pairwise.read("1")).as("outputs are named, not numbered").isNull();

        Scale ordinal = Scale.parse("ordinal:1-5");
        assertThat(ordinal.read("4.0")).isEqualTo(new ScoreReading("4", 4.0));
        assertThat(ordinal.read("6")).isNull();
        assertThat(ordinal.read("3.5")).isNull();
        assertThat(ordinal.read("four")).isNull();

        Scale interval = Scale.parse("interval:-1..1");
        assertThat(interval.read("-0.25")).isEqualTo(new ScoreReading("-0.25", -0.25));
        assertThat(interval.read("1.5")).isNull();
        assertThat(Scale.parse("interval").read("1e3")).isEqualTo(new ScoreReading("1000", 1000.0));

        assertThat(Scale.parse("nominal:safe|unsafe").read("Unsafe")).isEqualTo(new ScoreReading("unsafe", null));
        assertThat(Scale.parse("nominal:safe|unsafe").read("maybe")).isNull();
        assertThat(Scale.NOMINAL.read("Maybe")).isEqualTo(new ScoreReading("maybe", null));
        assertThat(Scale.NOMINAL.read("  ")).isNull();
    }
}
