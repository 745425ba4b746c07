package dev.evalgap.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills one slot: from the vocabulary's literal lists (products, cities, ...) or, for numbers,
 * codes and dates, by generating a realistic value (order numbers, tracking numbers, amounts).
 */
final class SlotFiller {

    private static final String[] SHORT_MONTHS =
            {"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"};

    /** What a reference answer says for a slot the request did not mention. */
    private static final Map<String, String> GENERIC = Map.of(
            "product", "item",
            "apparel", "item",
            "consumable", "item",
            "city", "the user",
            "category", "requested category");

    private final Vocabulary vocabulary;

    SlotFiller(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A fresh value for the slot {@code name}. */
    String fill(String name, SplittableRandom rng, LocalDate today) {
        List<String> literal = vocabulary.slot(name);
        if (literal != null) {
            return pick(literal, rng);
        }
        return switch (name) {
            case "order" -> rng.nextInt(100) < 65
                    ? Integer.toString(rng.nextInt(10_000, 100_000))
                    : "BC-" + digits(rng, 7);
            case "tracking" -> rng.nextBoolean()
                    ? "1Z" + alnum(rng, 6) + digits(rng, 10)
                    : "9400" + digits(rng, 18);
            case "amount" -> amount(rng);
            case "date" -> date(rng, today);
            case "days" -> Integer.toString(rng.nextInt(2, 21));
            case "days_late" -> Integer.toString(rng.nextInt(15, 30));
            case "last4" -> digits(rng, 4);
            case "zip" -> Integer.toString(rng.nextInt(10_000, 100_000));
            case "phone" -> rng.nextInt(201, 990) + "-555-01" + digits(rng, 2);
            case "giftcard" -> "6006 4921 " + digits(rng, 4) + " " + digits(rng, 4);
            case "email" -> email(rng);
            case "percent" -> {
                int p = 5 * rng.nextInt(2, 9);
                yield rng.nextInt(4) == 0 ? p + " percent" : p + "%";
            }
            case "qty" -> Integer.toString(rng.nextInt(2, 7));
            case "qty_big" -> Integer.toString(10 * rng.nextInt(3, 51));
            case "points" -> Integer.toString(10 * rng.nextInt(12, 981));
            case "minutes" -> Integer.toString(rng.nextInt(10, 46));
            case "years" -> Integer.toString(rng.nextInt(3, 16));
            default -> throw new IllegalArgumentException("unknown slot {" + name + "}");
        };
    }

    /** True for slots that name the item a user asks about: a reply does not invent those. */
    static boolean isItem(String name) {
        return name.equals("product") || name.equals("apparel") || name.equals("consumable");
    }

    /** What a reference answer says in place of a slot the request did not bind. */
    static String generic(String name) {
        return GENERIC.getOrDefault(name, "");
    }

    private String email(SplittableRandom rng) {
        String first = pick(vocabulary.slot("first_name"), rng);
        String domain = pick(vocabulary.slot("email_domain"), rng);
        String local = switch (rng.nextInt(3)) {
            case 0 -> first + "." + (char) ('a' + rng.nextInt(26));
            case 1 -> first + rng.nextInt(1, 100);
            default -> first + "_" + (1960 + rng.nextInt(45));
        };
        return local + "@" + domain;
    }

    private static String amount(SplittableRandom rng) {
        // log-uniform between $6 and $450: many small baskets, a few large ones
        double value = Math.exp(Math.log(6) + rng.nextDouble() * (Math.log(450) - Math.log(6)));
        int r = rng.nextInt(10);
        if (r < 6) {
            return String.format(Locale.ROOT, "$%.2f", value);
        }
        if (r < 9) {
            return "$" + Math.round(value);
        }
        return Math.round(value) + " dollars";
    }

    private static String date(SplittableRandom rng, LocalDate today) {
        LocalDate d = today.minusDays(rng.nextInt(1, 22));
        int day = d.getDayOfMonth();
        return switch (rng.nextInt(6)) {
            case 0 -> SHORT_MONTHS[d.getMonthValue() - 1] + " " + day;
            case 1 -> d.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + day + ordinal(day);
            case 2 -> d.getMonthValue() + "/" + day;
            case 3 -> "the " + day + ordinal(day);
            case 4 -> "last " + dayName(d.getDayOfWeek());
            default -> dayName(d.getDayOfWeek());
        };
    }

    private static String dayName(DayOfWeek dow) {
        return dow.getDisplayName(TextStyle.FULL, Locale.US);
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String digits(SplittableRandom rng, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }

    private static String alnum(SplittableRandom rng, int n) {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXY0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static <T> T pick(List<T> list, SplittableRandom rng) {
        return list.get(rng.nextInt(list.size()));
    }
}
