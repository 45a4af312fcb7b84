package shop.winback.ticket.service;

import shop.winback.ticket.domain.Rating;

/**
 * Which waiting ticket is handed out first: VIP buyers first, then a bad review before a neutral
 * one, then what is at stake — the order's value plus, for each distinct item, what another bad
 * review would cost (each item can earn one).
 */
final class TicketPriority {

    /** Room for any stake below 10^13 fen (100 billion 元) under each rank. */
    private static final long RANK = 10_000_000_000_000L;

    private TicketPriority() {}

    static long of(Rating rating, boolean vip, long orderAmountFen, int distinctItems, long stakePerItemFen) {
        int rank = (vip ? 2 : 0)
                + switch (rating) {
                    case BAD -> 1;
                    case NEUTRAL -> 0;
                    case GOOD -> throw new IllegalArgumentException("a good review opens no ticket");
                };
        long stake = Math.max(0, orderAmountFen) + (long) Math.max(1, distinctItems) * stakePerItemFen;
        return rank * RANK + Math.min(stake, RANK - 1);
    }
}
