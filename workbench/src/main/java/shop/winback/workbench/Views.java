package shop.winback.workbench;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** What the pages read from ticket-service's answers: the fields they show, nothing more. */
public final class Views {

    private Views() {}

    @TemplateData
    public record TicketPage(List<Ticket> items, long total) {}

    @TemplateData
    public record Buyer(String id, String province, String city, String phone, boolean vip) {

        /**
         * Never a full phone number on a page: even the ticket's own agent, to whom ticket-service gives it in
         * clear, sees the first three and last four digits (the page is on screens others look at).
         */
        public String maskedPhone() {
            return Masks.phone(phone);
        }
    }

    @TemplateData
    public record Item(String sku, String title, String category) {}

    @TemplateData
    public record SlaClock(Instant dueAt, Instant metAt, Long businessSecondsLeft, boolean breached) {}

    @TemplateData
    public record Sla(SlaClock firstContact, SlaClock resolution, SlaClock handover) {}

    @TemplateData
    public record Ticket(
            UUID id,
            String shopId,
            String orderId,
            String platformReviewId,
            Buyer buyer,
            Item item,
            String rating,
            long orderAmountFen,
            int distinctItems,
            String requiredTier,
            String status,
            UUID agentId,
            Instant openedAt,
            Instant firstContactAt,
            Instant closedAt,
            String outcome,
            String outcomeReason,
            String pendingTask,
            Sla sla) {

        /** The clock that runs out first: first contact until it is met, then resolution (and a handover's). */
        public SlaClock urgent() {
            if (sla == null) {
                return null;
            }
            return Stream.of(sla.firstContact(), sla.handover(), sla.resolution())
                    .filter(c -> c != null && c.businessSecondsLeft() != null)
                    .min((a, b) -> Long.compare(a.businessSecondsLeft(), b.businessSecondsLeft()))
                    .orElse(null);
        }

        /** Which clock {@link #urgent()} is, for its label. */
        public String urgentName() {
            SlaClock c = urgent();
            if (c == null) {
                return "none";
            }
            return c == sla.firstContact() ? "firstContact" : c == sla.handover() ? "handover" : "resolution";
        }

        /** Seconds left on the most urgent clock; tickets without a running clock sort last. */
        public long secondsLeft() {
            SlaClock c = urgent();
            return c == null ? Long.MAX_VALUE : c.businessSecondsLeft();
        }

        public boolean isOpen() {
            return !"CLOSED".equals(status);
        }

        /** The first breached clock that is still running (not met), for the supervisor's list; null when none. */
        public String breachedName() {
            if (sla == null) {
                return null;
            }
            if (breachedRunning(sla.firstContact())) {
                return "firstContact";
            }
            if (breachedRunning(sla.handover())) {
                return "handover";
            }
            return breachedRunning(sla.resolution()) ? "resolution" : null;
        }

        private static boolean breachedRunning(SlaClock c) {
            return c != null && c.breached() && c.metAt() == null;
        }
    }

    @TemplateData
    public record Review(
            UUID reviewId,
            String platformReviewId,
            String itemTitle,
            String rating,
            String currentRating,
            boolean textStillNegative,
            Instant reviewCreatedAt,
            Instant revisedAt,
            List<String> complaintReasons,
            Dsr dsr) {

        public List<String> reasons() {
            return complaintReasons == null ? List.of() : complaintReasons;
        }
    }

    /** The buyer's shop scores (DSR, 1–5) as first left: 描述相符, 服务态度, 物流服务. */
    @TemplateData
    public record Dsr(int description, int service, int shipping) {}

    @TemplateData
    public record Contact(UUID agentId, String channel, String outcome, String note, Instant attemptedAt) {}

    @TemplateData
    public record Note(String note, Instant createdAt) {}

    @TemplateData
    public record Window(Instant from, Instant to) {}

    @TemplateData
    public record ContactPlan(
            boolean buyerOnline, long callsToday, long callsLeftToday, Window suggestedWindow, String why) {}

    @TemplateData
    public record Escalation(String reason, Instant dueAt, Instant escalatedAt) {}

    @TemplateData
    public record Compensation(String type, long amountFen, String status, Instant paidAt) {}

    @TemplateData
    public record EarlierTicket(Instant openedAt, String rating, String status, String outcome) {}

    /** The buyer's earlier tickets in the shop in brief, whoever worked them (ticket-service's buyerHistory). */
    @TemplateData
    public record BuyerHistory(
            long earlierTickets,
            long recovered,
            long unrecovered,
            long compensationsApproved,
            List<EarlierTicket> latest) {}

    /** The parts of a ticket's detail beyond the ticket itself (ticket-service sends them side by side). */
    @TemplateData
    public record TicketExtras(
            List<Review> reviews,
            List<Contact> contacts,
            List<Note> buyerNotes,
            ContactPlan contactPlan,
            List<Escalation> escalations,
            List<Compensation> compensations,
            BuyerHistory buyerHistory) {

        /** Every reason the ticket's reviews complain of, each once, the first review's first. */
        public List<String> complaintReasons() {
            return reviews == null
                    ? List.of()
                    : reviews.stream()
                            .flatMap(r -> r.reasons().stream())
                            .distinct()
                            .toList();
        }

        /**
         * The main complaint: the first reason of the first review that gives one (review-service lists a review's
         * reasons by where they first occur in its text); null when no review gives one.
         */
        public String mainReason() {
            List<String> all = complaintReasons();
            return all.isEmpty() ? null : all.get(0);
        }

        /** A buyer who says items are missing (少件/漏发): the page shows the courier's weights for the order. */
        public boolean missingItem() {
            return complaintReasons().contains("MISSING_ITEM");
        }
    }

    @TemplateData
    public record Agent(UUID id, String name, String tier, int capacity, String status, int openTickets) {}

    /** compensation-service's rung of the ladder an option belongs to. */
    @TemplateData
    public record LadderStep(int step, String name, int lossMinPercent, int lossMaxPercent) {}

    @TemplateData
    public record QuoteOption(
            String type,
            long costFen,
            Long buyerPaysFen,
            String description,
            boolean withinAuthority,
            String approvalBecause,
            double shareOfOrderPercent,
            LadderStep ladderStep) {

        /** Explaining costs nothing and is not requested: the agent just does it. */
        public boolean requestable() {
            return costFen > 0 && !"EXPLAIN".equals(type);
        }
    }

    @TemplateData
    public record Quote(
            List<QuoteOption> options, QuoteOption recommended, List<String> rules, Long authorityLimitFen) {}

    /** A compensation as compensation-service tells it (the source of truth for its status). */
    @TemplateData
    public record CompensationView(
            UUID id,
            String orderId,
            String ticketId,
            String agentId,
            String type,
            long amountFen,
            long orderAmountFen,
            String reason,
            String status,
            String requiredLevel,
            String approvalBecause,
            String decidedBy,
            String comment,
            Instant createdAt,
            Instant decidedAt) {

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    @TemplateData
    public record CompensationPage(List<CompensationView> items, long total) {}

    /** One line of logistics-service's packing slip; {@code outOfStock} when the packer marked it not packed. */
    @TemplateData
    public record SlipLine(String sku, String title, int quantity, int unitWeightGrams, boolean outOfStock) {}

    @TemplateData
    public record Shipment(
            UUID id,
            String orderId,
            String courier,
            String trackingNumber,
            Integer originWeightGrams,
            List<SlipLine> packingSlip,
            Instant shippedAt) {}

    @TemplateData
    public record Scan(String station, Instant scannedAt, String status, Integer weightGrams, String description) {}

    /** logistics-service's verdict on a missing-item complaint, with the weights compared and its evidence. */
    @TemplateData
    public record WeightCheck(
            UUID id,
            List<String> missingSkus,
            boolean damaged,
            String verdict,
            Integer originWeightGrams,
            Integer lastStationWeightGrams,
            int missingWeightGrams,
            int toleranceGrams,
            List<String> evidence,
            boolean claimable,
            Instant checkedAt,
            String checkedBy) {}
}
