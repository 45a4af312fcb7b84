package shop.winback.ticket.service;

import shop.winback.ticket.domain.Rating;

/** Which waiting ticket is handed out first: a bad review before a neutral one. */
final class TicketPriority {

    private TicketPriority() {
    }

    static int of(Rating rating) {
        return switch (rating) {
            case BAD -> 200;
            case NEUTRAL -> 100;
            case GOOD -> throw new IllegalArgumentException("a good review opens no ticket");
        };
    }
}
