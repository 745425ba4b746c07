package dev.evalgap.demo;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Puts realistic typing errors into a message: common misspellings, swapped, dropped and doubled
 * letters, and neighbouring keys on a QWERTY keyboard. Only alphabetic words of three letters or
 * more are touched, so order numbers, amounts and codes stay intact.
 */
final class TypoInjector {

    private static final Map<String, String> MISSPELLINGS = Map.ofEntries(
            Map.entry("receive", "recieve"), Map.entry("received", "recieved"),
            Map.entry("address", "adress"), Map.entry("definitely", "definately"),
            Map.entry("package", "pakage"), Map.entry("tomorrow", "tommorow"),
            Map.entry("separate", "seperate"), Map.entry("until", "untill"),
            Map.entry("warranty", "waranty"), Map.entry("delivered", "deliverd"),
            Map.entry("cancel", "cancle"), Map.entry("order", "oder"),
            Map.entry("shipping", "shiping"), Map.entry("account", "acount"),
            Map.entry("password", "pasword"), Map.entry("because", "becuase"),
            Map.entry("already", "allready"), Map.entry("available", "availible"),
            Map.entry("exchange", "exchage"), Map.entry("refund", "refnud"),
            Map.entry("please", "plese"), Map.entry("there", "their"),
            Map.entry("your", "you're"), Map.entry("weird", "wierd"),
            Map.entry("wrong", "wrnog"), Map.entry("charged", "chargd"),
            Map.entry("anything", "anythng"), Map.entry("the", "teh"));

    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    /** Per-word probability of an error, by register (applied to users prone to typos). */
    static double rate(Register register) {
        return switch (register) {
            case TERSE -> 0.06;
            case ANGRY -> 0.05;
            case PLAIN -> 0.035;
            case RAMBLING -> 0.03;
            case POLITE -> 0.015;
            case CLEAN -> 0.0;
        };
    }

    /** Returns {@code text} with each eligible word altered with probability {@code rate}. */
    String inject(String text, double rate, SplittableRandom rng) {
        if (rate <= 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int j = i;
            while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '\'')) {
                j++;
            }
            boolean touchesDigit = (i > 0 && Character.isDigit(text.charAt(i - 1)))
                    || (j < text.length() && Character.isDigit(text.charAt(j)));
            String word = text.substring(i, j);
            if (word.length() >= 3 && !touchesDigit && rng.nextDouble() < rate) {
                word = typo(word, rng);
            }
            out.append(word);
            i = j;
        }
        return out.toString();
    }

    String typo(String word, SplittableRandom rng) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        String known = MISSPELLINGS.get(lower);
        if (known != null && rng.nextInt(3) > 0) {
            return Character.isUpperCase(word.charAt(0))
                    ? Character.toUpperCase(known.charAt(0)) + known.substring(1) : known;
        }
        // positions 1..n-1: people rarely mistype the first letter
        int p = 1 + rng.nextInt(word.length() - 1);
        char c = word.charAt(p);
        return switch (rng.nextInt(4)) {
            case 0 -> p < word.length() - 1
                    ? word.substring(0, p) + word.charAt(p + 1) + c + word.substring(p + 2)
                    : word.substring(0, p - 1) + c + word.charAt(p - 1);
            case 1 -> word.substring(0, p) + word.substring(p + 1);
            case 2 -> word.substring(0, p) + c + word.substring(p);
            default -> word.substring(0, p) + neighbour(c, rng) + word.substring(p + 1);
        };
    }

    private static char neighbour(char c, SplittableRandom rng) {
        char lower = Character.toLowerCase(c);
        for (String row : ROWS) {
            int k = row.indexOf(lower);
            if (k >= 0) {
                int n = k == 0 ? 1 : k == row.length() - 1 ? k - 1 : (rng.nextBoolean() ? k - 1 : k + 1);
                char r = row.charAt(n);
                return Character.isUpperCase(c) ? Character.toUpperCase(r) : r;
            }
        }
        return c;
    }
}
