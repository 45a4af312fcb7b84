package shop.winback.ticket.rest;

import java.time.Instant;
import java.util.List;
import shop.winback.platform.privacy.PersonalData;
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

    @Schema(name = "TicketBuyer", description = "The buyer. Phone and address in clear only for the agent working the ticket "
            + "and for supervisors and managers; masked for everyone else")
    record Buyer(@Schema(example = "tb-buyer-5521") String id,
                 @Schema(example = "辽宁") String province,
                 @Schema(example = "沈阳") String city,
                 @Schema(example = "138****5678") String phone,
                 @Schema(example = "辽宁沈阳****") String address) {

        static Buyer of(Ticket t, PersonalData personalData, boolean inClear) {
            if (inClear) {
                return new Buyer(t.buyerId, t.buyerProvince, t.buyerCity, personalData.open(t.buyerPhoneSealed),
                        personalData.open(t.buyerAddressSealed));
            }
            return new Buyer(t.buyerId, t.buyerProvince, t.buyerCity, t.buyerPhoneMasked, t.buyerAddressSealed == null
                    ? null : PersonalData.maskAddress(t.buyerProvince, t.buyerCity));
        }
    }

    @Schema(name = "Ticket", description = "Winning back one buyer who left a neutral or bad review. Times are UTC.")
    record TicketView(UUID id, String shopId, String orderId, UUID reviewId, String platformReviewId,
                      Buyer buyer, Item item, Rating rating, long orderAmountFen, int distinctItems,
                      @Schema(description = "Higher is handed out first while tickets wait") int priority,
                      TicketStatus status, UUID agentId, Instant reviewCreatedAt, Instant openedAt,
                      Instant assignedAt, Instant closedAt) {
        static TicketView of(Ticket t, Buyer buyer) {
            return new TicketView(t.id, t.shopId, t.orderId, t.reviewId, t.platformReviewId,
                    buyer, new Item(t.itemSku, t.itemTitle),
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
