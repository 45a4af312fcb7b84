package shop.winback.compensation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.compensation.domain.ApprovalLevel;
import shop.winback.compensation.domain.Compensation;
import shop.winback.compensation.domain.CompensationStatus;
import shop.winback.compensation.domain.CompensationType;
import shop.winback.compensation.domain.LedgerEntry;
import shop.winback.compensation.domain.Payout;
import shop.winback.compensation.domain.PayoutStatus;
import shop.winback.compensation.domain.Tier;

/** Request and response bodies of the compensation, ledger and payout APIs. */
public final class CompensationViews {

    private CompensationViews() {}

    @Schema(name = "Compensation")
    public record CompensationView(
            UUID id,
            String shopId,
            String orderId,
            String ticketId,

            @Schema(description = "The requester: agent id, or the token's principal for supervisors and managers")
            String agentId,

            Tier agentTier,
            CompensationType type,
            long amountFen,
            String currency,
            long orderAmountFen,
            String reason,
            String note,
            CompensationStatus status,

            @Schema(description = "Who may approve while PENDING")
            ApprovalLevel requiredLevel,

            @Schema(description = "Granted at once within the requester's own authority")
            boolean withinAuthority,

            String decidedBy,
            String comment,
            Instant createdAt,
            Instant escalatedAt,
            Instant decidedAt,
            Instant paidAt,

            @Schema(
                    description =
                            "Why it was not granted at once: ORDER_UNKNOWN (no neutral or bad review of the order "
                                    + "has arrived: the manager decides), ABOVE_AUTHORITY, DAILY_COUNT_USED, ABOVE_CEILING (above the "
                                    + "quote's ceiling for the order), SUSPECTED_PROFESSIONAL (cash for a suspected professional "
                                    + "bad-reviewer); null when granted at once",
                    example = "ABOVE_CEILING")
            String approvalBecause) {
        static CompensationView of(Compensation c, String currency) {
            return new CompensationView(
                    c.id,
                    c.shopId,
                    c.orderId,
                    c.ticketId,
                    c.agentId,
                    c.agentTier,
                    c.type,
                    c.amountFen,
                    currency,
                    c.orderAmountFen,
                    c.reason,
                    c.note,
                    c.status,
                    c.requiredLevel,
                    c.withinAuthority,
                    c.decidedBy,
                    c.comment,
                    c.createdAt,
                    c.escalatedAt,
                    c.decidedAt,
                    c.paidAt,
                    c.approvalBecause);
        }
    }

    @Schema(name = "CompensationPage")
    public record CompensationPage(List<CompensationView> items, int page, int size, long total) {}

    @Schema(name = "Decision")
    public record Decision(
            @Schema(example = "OK: the buyer sent photos of the damage")
            @Size(max = 500)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String comment) {}

    @Schema(name = "Rejection")
    public record Rejection(
            @Schema(example = "Professional bad-reviewer: evidence first")
            @NotBlank
            @Size(max = 500)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String comment) {}

    @Schema(name = "LedgerEntry")
    public record LedgerView(
            UUID id,
            UUID compensationId,
            CompensationType type,
            long amountFen,
            String currency,
            String orderId,
            String ticketId,
            String agentId,
            Tier agentTier,

            @Schema(description = "Null when granted within the requester's authority")
            String approver,

            String reason,
            Instant grantedAt) {
        static LedgerView of(LedgerEntry e) {
            return new LedgerView(
                    e.id,
                    e.compensationId,
                    e.type,
                    e.amountFen,
                    e.currency,
                    e.orderId,
                    e.ticketId,
                    e.agentId,
                    e.agentTier,
                    e.approver,
                    e.reason,
                    e.grantedAt);
        }
    }

    @Schema(name = "Payout", description = "An order to the shop platform; execute it once, keyed by id")
    public record PayoutView(
            UUID id,
            String shopId,
            UUID compensationId,
            String orderId,
            CompensationType type,
            long amountFen,
            String currency,
            PayoutStatus status,
            int attempts,
            String lastError,
            String platformReference,
            Instant createdAt,
            Instant updatedAt,
            Instant executedAt) {
        static PayoutView of(Payout p) {
            return new PayoutView(
                    p.id,
                    p.shopId,
                    p.compensationId,
                    p.orderId,
                    p.type,
                    p.amountFen,
                    p.currency,
                    p.status,
                    p.attempts,
                    p.lastError,
                    p.platformReference,
                    p.createdAt,
                    p.updatedAt,
                    p.executedAt);
        }
    }

    @Schema(name = "PayoutConfirmation")
    public record Confirmation(
            @Schema(example = "EXECUTED") @jakarta.validation.constraints.NotNull
            shop.winback.compensation.service.PayoutDesk.Outcome outcome,

            @Schema(description = "The platform's id of the coupon or refund", example = "TB-REFUND-5521")
            @Size(max = 200)
            @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
            String platformReference,

            @Schema(description = "Why it failed, for FAILED") @Size(max = 500)
            String failure) {}
}
