package dev.evalgap.demo;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TypoInjectorTest {

    private final TypoInjector typos = new TypoInjector();

    @Test
    void rateZeroLeavesTextAlone() {
        String text = "Where is my order 48213? I need it by Friday.";
        assertThat(typos.inject(text, 0, new SplittableRandom(1))).isEqualTo(text);
    }

    @Test
    void numbersAndCodesAreNeverTouched() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            String out = typos.inject("order BC-1234567 for $45.20 code FALL20 ending 4242", 1.0, rng);
            assertThat(out).contains("1234567", "45.20", "4242", "FALL20");
        }
    }

    @Test
    void aTypoChangesAWordByAboutOneLetter() {
        SplittableRandom rng = new SplittableRandom(3);
        int changed = 0;
        for (int i = 0; i < 500; i++) {
            String out = typos.typo("delivery", rng);
            assertThat(out.length()).isBetween(7, 9);
            assertThat(out.charAt(0)).isEqualTo('d');
            changed += out.equals("delivery") ? 0 : 1;
        }
        assertThat(changed).isGreaterThan(450); // a doubled or swapped identical letter may leave it unchanged
    }

    @Test
    void commonMisspellingsAreUsedAndKeepCapitalization() {
        SplittableRandom rng = new SplittableRandom(4);
        boolean sawKnown = false;
        for (int i = 0; i < 50; i++) {
            String out = typos.typo("Receive", rng);
            sawKnown |= out.equals("Recieve");
            assertThat(out.charAt(0)).isEqualTo('R');
        }
        assertThat(sawKnown).isTrue();
    }

    @Test
    void theRateIsRoughlyThePerWordProbability() {
        String text = "please check where my package is because the delivery said tomorrow ".repeat(200);
        String out = typos.inject(text, 0.05, new SplittableRandom(5));
        String[] in = text.split(" ");
        String[] got = out.split(" ");
        assertThat(got).hasSameSizeAs(in);
        int diff = 0;
        for (int i = 0; i < in.length; i++) {
            diff += in[i].equals(got[i]) ? 0 : 1;
        }
        assertThat((double) diff / in.length).isBetween(0.03, 0.07);
    }
}
