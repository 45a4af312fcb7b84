package shop.winback.loadgen;

import java.util.Optional;

/**
 * Ids of the bench's reviews. Every id starts with the bench shop id, then the phase letter, so tickets of warm-up
 * reviews can never be mistaken for (or counted as duplicates of) measured ones, and a run never collides with an
 * earlier run's data.
 */
public record ReviewIds(String shopId, String prefix) {

    /** Ids of a shop's first run: they start with the shop id itself. */
    public ReviewIds(String shopId) {
        this(shopId, shopId);
    }

    /**
     * Ids of another run on the same shop (deploy/bench --history measures twice): they start with
     * {@code shopId-tag}, so neither run mistakes the other's tickets for its own.
     */
    public ReviewIds withTag(String tag) {
        return new ReviewIds(shopId, shopId + "-" + tag);
    }

    /** Which sending phase a review belongs to. */
    public enum Phase {
        WARMUP('W'),
        MEASURED('M');

        final char letter;

        Phase(char letter) {
            this.letter = letter;
        }

        static Optional<Phase> of(char letter) {
            for (Phase p : values()) {
                if (p.letter == letter) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** A review's place in the run: its phase and its sequence number within the phase. */
    public record Ref(Phase phase, int index) {}

    public String platformReviewId(Phase phase, int index) {
        return prefix + "-" + phase.letter + "-R-" + pad(index);
    }

    public String orderId(Phase phase, int index) {
        return prefix + "-" + phase.letter + "-O-" + pad(index);
    }

    public String orderLineId(Phase phase, int index) {
        return orderId(phase, index) + "-1";
    }

    /** Reads back a platformReviewId or orderId made by this shop; empty for anything else. */
    public Optional<Ref> parse(String id) {
        if (id == null || !id.startsWith(prefix + "-")) {
            return Optional.empty();
        }
        String rest = id.substring(prefix.length() + 1); // e.g. "M-R-0000042"
        if (rest.length() < 5
                || rest.charAt(1) != '-'
                || rest.charAt(3) != '-'
                || (rest.charAt(2) != 'R' && rest.charAt(2) != 'O')) {
            return Optional.empty();
        }
        String digits = rest.substring(4);
        if (digits.endsWith("-1")) { // an orderLineId
            digits = digits.substring(0, digits.length() - 2);
        }
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            return Optional.empty();
        }
        int index = Integer.parseInt(digits);
        return Phase.of(rest.charAt(0)).map(phase -> new Ref(phase, index));
    }

    private static String pad(int index) {
        return String.format("%07d", index);
    }
}
