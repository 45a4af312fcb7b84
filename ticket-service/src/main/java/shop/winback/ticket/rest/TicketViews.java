package shop.winback.ticket.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;

/** Response bodies of the tickets API. */
final class TicketViews {

    private TicketViews() {
    }

    @Schema(name = "TicketItem")
    record Item(String sku, String title) {
    }

    @Schema(name = "TicketBuyer", description = "The buyer by id and region")
    record Buyer(String id, String province, String city) {
    }

    @Schema(name = "Ticket", description = "Winning back one buyer who left a neutral or bad review. Times are UTC.")
    record TicketView(UUID id, String shopId, String orderId, UUID reviewId, String platformReviewId,
                      Buyer buyer, Item item, Rating rating, long orderAmountFen, int distinctItems,
                      @Schema(description = "Higher is handed out first while tickets wait") int priority,
                      TicketStatus status, UUID agentId, Instant reviewCreatedAt, Instant openedAt,
                      Instant assignedAt, Instant closedAt) {
        static TicketView of(Ticket t) {
            return new TicketView(t.id, t.shopId, t.orderId, t.reviewId, t.platformReviewId,
                    new Buyer(t.buyerId, t.buyerProvince, t.buyerCity), new Item(t.itemSku, t.itemTitle),
                    t.rating, t.orderAmountFen, t.distinctItems, t.priority, t.status, t.agentId,
                    t.reviewCreatedAt, t.openedAt, t.assignedAt, t.closedAt);
        }
    }

    @Schema(name = "TicketPage")
    record TicketPage(List<TicketView> items,
                      @Schema(description = "0-based page number") int page,
                      int size,
                      @Schema(description = "Tickets matching the filter, over all pages") long total) {
    }
}
