package shop.winback.ticket.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.ticket.domain.BuyerNote;
import shop.winback.ticket.domain.ContactAttempt;
import shop.winback.ticket.domain.ContactChannel;
import shop.winback.ticket.domain.ContactOutcome;
import shop.winback.ticket.domain.Outcome;
import shop.winback.ticket.domain.PendingTask;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketReview;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.service.ContactPlan;
import shop.winback.ticket.service.SlaWatch.Escalation;
import shop.winback.ticket.settings.BusinessHours;

/** Response bodies of the tickets API. */
final class TicketViews {

    private TicketViews() {}

    @Schema(name = "TicketItem")
    record Item(
            String sku,
            String title,

            @Schema(description = "The shop's product category; routes to agents with that skill")
            String category) {}

    @Schema(
            name = "TicketBuyer",
            description = "The buyer. Phone and address in clear only for the agent working the ticket "
                    + "and for supervisors and managers; masked for everyone else")
    record Buyer(
            @Schema(example = "tb-buyer-5521") String id,
            @Schema(example = "辽宁") String province,
            @Schema(example = "沈阳") String city,
            @Schema(example = "138****5678") String phone,
            @Schema(example = "辽宁沈阳****") String address,

            @Schema(description = "VIP buyers are served first")
            boolean vip) {

        static Buyer of(Ticket t, PersonalData personalData, boolean inClear) {
            if (inClear) {
                return new Buyer(
                        t.buyerId,
                        t.buyerProvince,
                        t.buyerCity,
                        personalData.open(t.buyerPhoneSealed),
                        personalData.open(t.buyerAddressSealed),
                        t.buyerVip);
            }
            return new Buyer(
                    t.buyerId,
                    t.buyerProvince,
                    t.buyerCity,
                    t.buyerPhoneMasked,
                    t.buyerAddressSealed == null ? null : PersonalData.maskAddress(t.buyerProvince, t.buyerCity),
                    t.buyerVip);
        }
    }

    @Schema(
            name = "SlaClock",
            description = "One service level of the ticket. Time runs only in the shop's business hours.")
    record SlaClock(
            @Schema(description = "Deadline (UTC)") Instant dueAt,

            @Schema(description = "When it was met; null while running")
            Instant metAt,

            @Schema(
                    description =
                            "Business seconds left; negative when overdue; null once met or the ticket is resolved")
            Long businessSecondsLeft,

            @Schema(description = "Met late, or still unmet past the deadline")
            boolean breached) {

        static SlaClock of(Instant dueAt, Instant metAt, boolean stillRunning, BusinessHours hours, Instant now) {
            if (dueAt == null) {
                return null;
            }
            if (metAt != null || !stillRunning) {
                return new SlaClock(dueAt, metAt, null, metAt != null ? metAt.isAfter(dueAt) : false);
            }
            Duration left = hours.between(now, dueAt);
            return new SlaClock(dueAt, null, left.toSeconds(), !now.isBefore(dueAt));
        }
    }

    @Schema(name = "TicketSla")
    record Sla(
            SlaClock firstContact,
            SlaClock resolution,

            @Schema(
                    description =
                            "Only for tickets handed over from the night shift: touched by the shop's touch-by time")
            SlaClock handover,

            @Schema(
                    description = "Taken from the queue by the shop's queue-wait limit (met when assigned); "
                            + "null for tickets opened before the limit existed")
            SlaClock queue) {

        static Sla of(Ticket t, BusinessHours hours, Instant now) {
            Instant handoverMet = t.touchedSinceHandover() ? t.lastTouchedAt : null;
            return new Sla(
                    SlaClock.of(t.firstContactDueAt, t.firstContactAt, t.isOpen(), hours, now),
                    SlaClock.of(t.resolutionDueAt, t.isOpen() ? null : t.closedAt, t.isOpen(), hours, now),
                    SlaClock.of(t.handoverDueAt, handoverMet, t.isOpen(), hours, now),
                    SlaClock.of(
                            t.queueDueAt,
                            t.status == TicketStatus.ASSIGNED ? t.assignedAt : null,
                            t.status == TicketStatus.WAITING,
                            hours,
                            now));
        }
    }

    @Schema(
            name = "Ticket",
            description =
                    "Winning back one buyer for one order: the neutral and bad reviews of that order. Times are UTC.")
    record TicketView(
            UUID id,
            String shopId,
            String orderId,

            @Schema(description = "The review that opened the ticket")
            UUID reviewId,

            String platformReviewId,
            Buyer buyer,
            Item item,

            @Schema(description = "The worst rating among the ticket's reviews")
            Rating rating,

            long orderAmountFen,
            int distinctItems,

            @Schema(description = "Higher is handed out first while tickets wait")
            long priority,

            @Schema(description = "SUPERVISOR for a suspected professional bad-reviewer")
            Tier requiredTier,

            TicketStatus status,
            UUID agentId,
            Instant reviewCreatedAt,
            Instant openedAt,
            Instant assignedAt,
            Instant firstContactAt,
            Instant closedAt,
            Outcome outcome,
            String outcomeReason,

            @Schema(description = "Incentive credited to the agent for the recovery, fen")
            long creditFen,

            PendingTask pendingTask,
            Instant handedOverAt,
            Sla sla) {

        static TicketView of(Ticket t, Buyer buyer, BusinessHours hours, Instant now) {
            return new TicketView(
                    t.id,
                    t.shopId,
                    t.orderId,
                    t.reviewId,
                    t.platformReviewId,
                    buyer,
                    new Item(t.itemSku, t.itemTitle, t.itemCategory),
                    t.rating,
                    t.orderAmountFen,
                    t.distinctItems,
                    t.priority,
                    t.requiredTier,
                    t.status,
                    t.agentId,
                    t.reviewCreatedAt,
                    t.openedAt,
                    t.assignedAt,
                    t.firstContactAt,
                    t.closedAt,
                    t.outcome,
                    t.outcomeReason,
                    t.creditFen,
                    t.pendingTask,
                    t.handedOverAt,
                    Sla.of(t, hours, now));
        }
    }

    @Schema(name = "TicketReview")
    record ReviewView(
            UUID reviewId,
            String platformReviewId,
            String itemSku,
            String itemTitle,
            @Schema(description = "As first left") Rating rating,

            @Schema(description = "After the buyer's latest revision")
            Rating currentRating,

            boolean textStillNegative,
            Instant reviewCreatedAt,
            Instant joinedAt,
            Instant revisedAt,

            @Schema(description = "What the buyer received, as the order system said; null when it did not")
            GoodsView goods,

            @Schema(
                    description =
                            "review-service's complaint reason codes, in the order found in the text (the first is the main "
                                    + "complaint); empty for reviews received before they were kept",
                    example = "[\"MISSING_ITEM\", \"SLOW_SHIPPING\"]")
            List<String> complaintReasons,

            @Schema(description = "The buyer's shop scores as first left; null when not known")
            DsrView dsr) {
        static ReviewView of(TicketReview r) {
            GoodsView goods = r.goodsReceivedAt == null && r.goodsWornOrUsed == null && r.goodsPhotoUrls == null
                    ? null
                    : new GoodsView(
                            r.goodsReceivedAt,
                            r.goodsWornOrUsed,
                            r.goodsPhotoUrls == null ? List.of() : List.of(r.goodsPhotoUrls));
            return new ReviewView(
                    r.key.reviewId(),
                    r.platformReviewId,
                    r.itemSku,
                    r.itemTitle,
                    r.rating,
                    r.currentRating,
                    r.textStillNegative,
                    r.reviewCreatedAt,
                    r.joinedAt,
                    r.revisedAt,
                    goods,
                    r.complaintReasons == null ? List.of() : List.of(r.complaintReasons),
                    r.dsrDescription == null ? null : new DsrView(r.dsrDescription, r.dsrService, r.dsrShipping));
        }
    }

    @Schema(name = "TicketReviewDsr", description = "Detailed seller ratings (DSR), 1–5")
    record DsrView(
            @Schema(description = "描述相符: the item as described", example = "2")
            int description,

            @Schema(description = "服务态度: the shop's service", example = "3")
            int service,

            @Schema(description = "物流服务: the delivery", example = "1")
            int shipping) {}

    /** A quality complaint is judged by these (DOMAIN: within 3 days of receipt and unworn → return/exchange or a discount). */
    @Schema(name = "TicketReviewGoods")
    record GoodsView(
            @Schema(description = "When the buyer signed for the goods")
            Instant receivedAt,

            @Schema(description = "Whether worn or used; null: not known")
            Boolean wornOrUsed,

            @Schema(description = "The buyer's photo links") List<String> photoUrls) {}

    @Schema(name = "ContactAttempt")
    record ContactView(
            UUID id, UUID agentId, ContactChannel channel, ContactOutcome outcome, String note, Instant attemptedAt) {
        static ContactView of(ContactAttempt a) {
            return new ContactView(a.id, a.agentId, a.channel, a.outcome, a.note, a.attemptedAt);
        }
    }

    @Schema(name = "BuyerNote", description = "A note on the buyer's temperament, from any of their tickets")
    record NoteView(UUID id, UUID ticketId, UUID agentId, String note, Instant createdAt) {
        static NoteView of(BuyerNote n) {
            return new NoteView(n.id, n.ticketId, n.agentId, n.note, n.createdAt);
        }
    }

    @Schema(name = "TicketCompensation", description = "A compensation for this order, from compensation-service")
    record CompensationView(
            UUID compensationId, String type, long amountFen, String status, UUID agentId, Instant paidAt) {}

    @Schema(name = "BuyerTicket", description = "Another ticket of the same buyer in the shop")
    record BuyerTicketView(
            UUID id,
            String orderId,
            TicketStatus status,
            Instant openedAt,
            @Schema(description = "Set once resolved") Outcome outcome) {
        static BuyerTicketView of(Ticket t) {
            return new BuyerTicketView(t.id, t.orderId, t.status, t.openedAt, t.outcome);
        }
    }

    @Schema(name = "TicketDetail", description = "A ticket with everything the agent needs to win the buyer back")
    record TicketDetail(
            @JsonUnwrapped TicketView ticket,
            List<ReviewView> reviews,
            List<ContactView> contacts,
            List<NoteView> buyerNotes,
            ContactPlan contactPlan,
            List<Escalation> escalations,
            List<CompensationView> compensations,

            @Schema(description = "The buyer's other tickets in this shop, open and past, newest first (at most 50)")
            List<BuyerTicketView> buyerTickets,

            @Schema(description = "How the buyer's earlier tickets in this shop went, in brief")
            BuyerHistory buyerHistory) {}

    @Schema(
            name = "BuyerHistory",
            description = "The same buyer's earlier tickets in this shop (opened no later than this one, this one "
                    + "excluded), whoever worked them: counts and the latest few, without agents or personal data")
    record BuyerHistory(
            @Schema(description = "Earlier tickets", example = "3")
            long earlierTickets,

            @Schema(description = "Of those, ended RECOVERED (the buyer revised to good)", example = "2")
            long recovered,

            @Schema(description = "Of those, ended UNRECOVERED (the buyer would not revise)", example = "1")
            long unrecovered,

            @Schema(
                    description = "Compensations approved (or already paid) on those tickets, as compensation-service "
                            + "reported them",
                    example = "1")
            long compensationsApproved,

            @Schema(description = "The latest earlier tickets, newest first (at most 5)")
            List<EarlierTicket> latest) {}

    @Schema(name = "BuyerHistoryTicket", description = "One earlier ticket of the buyer")
    record EarlierTicket(
            UUID id,
            Instant openedAt,

            @Schema(description = "The worst rating among its reviews")
            Rating rating,

            TicketStatus status,
            @Schema(description = "Set once resolved") Outcome outcome) {}

    @Schema(name = "TicketPage")
    record TicketPage(
            List<TicketView> items,
            @Schema(description = "0-based page number") int page,
            int size,

            @Schema(description = "Tickets matching the filter, over all pages")
            long total) {}
}
