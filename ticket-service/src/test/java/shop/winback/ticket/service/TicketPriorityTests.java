package shop.winback.ticket.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import shop.winback.ticket.domain.Rating;

/** VIP first, then bad before neutral, then the stake: order value plus a per-item amount. */
class TicketPriorityTests {

    static final long PER_ITEM = 3000;

    @Test
    void vipBeforeBadBeforeNeutralWhateverTheAmounts() {
        long vipNeutralCheap = TicketPriority.of(Rating.NEUTRAL, true, 100, 1, PER_ITEM);
        long badExpensive = TicketPriority.of(Rating.BAD, false, 99_999_900, 50, PER_ITEM);
        long neutralExpensive = TicketPriority.of(Rating.NEUTRAL, false, 99_999_900, 50, PER_ITEM);
        assertThat(vipNeutralCheap).isGreaterThan(badExpensive);
        assertThat(badExpensive).isGreaterThan(neutralExpensive);
    }

    @Test
    void moreAtStakeFirstWithinARating() {
        long oneItem = TicketPriority.of(Rating.BAD, false, 12_900, 1, PER_ITEM);
        long tenItems = TicketPriority.of(Rating.BAD, false, 12_900, 10, PER_ITEM);
        long dearer = TicketPriority.of(Rating.BAD, false, 50_000, 1, PER_ITEM);
        assertThat(tenItems).isGreaterThan(oneItem);
        assertThat(dearer).isGreaterThan(oneItem);
        // 10 items of a 129 元 order: 129 + 10 × 30 = 429 元 at stake, against 500 元 for one dear item
        assertThat(dearer).isGreaterThan(tenItems);
    }
}
