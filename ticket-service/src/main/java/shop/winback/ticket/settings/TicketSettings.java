package shop.winback.ticket.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import shop.winback.ticket.config.TicketDefaults;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Shift;

/**
 * A shop's shifts, service levels, call limit and incentive rates. Stored with only what the shop
 * set (null = the default); {@link #over} fills in the rest.
 */
@Schema(
        name = "TicketSettings",
        description =
                "Shifts, SLAs, call limit and incentives; omitted fields keep the defaults. Times are local to timeZone.")
public record TicketSettings(
        @Schema(description = "IANA time zone of the shop", example = "Asia/Shanghai") @Size(max = 40)
        String timeZone,

        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "09:00")
        LocalTime dayShiftStart,

        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "18:00")
        LocalTime dayShiftEnd,

        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "18:00")
        LocalTime nightShiftStart,

        @Schema(
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                description = "00:00 is midnight",
                example = "00:00")
        LocalTime nightShiftEnd,

        @Schema(description = "First contact within this many business minutes of the review", example = "30")
        @Min(1)
        @Max(7 * 24 * 60)
        Integer firstContactMinutes,

        @Schema(description = "Resolution within this many business hours of the review", example = "48")
        @Min(1)
        @Max(24 * 60)
        Integer resolutionHours,

        @Schema(
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                description = "Handed-over tickets must be touched by then",
                example = "12:00")
        LocalTime handoverTouchBy,

        @Schema(description = "Phone calls to one buyer per local day", example = "2") @Min(0) @Max(20)
        Integer callsPerBuyerPerDay,

        @Schema(description = "Incentive per neutral review recovered, fen", example = "300") @Min(0) @Max(1_000_000)
        Long incentiveNeutralFen,

        @Schema(description = "Incentive per bad review recovered, fen", example = "500") @Min(0) @Max(1_000_000)
        Long incentiveBadFen,

        @Schema(description = "What each distinct item adds to a waiting ticket's stake, fen", example = "3000")
        @Min(0)
        @Max(10_000_000)
        Long stakePerItemFen,

        @Schema(
                description =
                        "A ticket nobody has taken within this many business minutes of entering the queue is escalated "
                                + "to the supervisor on shift (QUEUE_WAIT_OVERDUE)",
                example = "5")
        @Min(1)
        @Max(24 * 60)
        Integer queueWaitMinutes,

        @Schema(
                description = "What a recovered buyer is worth, fen (recovery economics: value recovered)",
                example = "3000")
        @Min(0)
        @Max(100_000_000)
        Long buyerValueFen,

        @Schema(
                description =
                        "What a bad review costs the shop in lost sales, fen, if the shop has an estimate; added to the "
                                + "value of each recovery",
                example = "0")
        @Min(0)
        @Max(100_000_000)
        Long avoidedBadReviewCostFen) {

    /** Every field set: the shop's values where it has them, the defaults elsewhere. */
    public TicketSettings over(TicketDefaults d) {
        return new TicketSettings(
                or(timeZone, d.timeZone()),
                or(dayShiftStart, d.dayShiftStart()),
                or(dayShiftEnd, d.dayShiftEnd()),
                or(nightShiftStart, d.nightShiftStart()),
                or(nightShiftEnd, d.nightShiftEnd()),
                or(firstContactMinutes, (int) d.firstContact().toMinutes()),
                or(resolutionHours, (int) d.resolution().toHours()),
                or(handoverTouchBy, d.handoverTouchBy()),
                or(callsPerBuyerPerDay, d.callsPerBuyerPerDay()),
                or(incentiveNeutralFen, d.incentiveNeutralFen()),
                or(incentiveBadFen, d.incentiveBadFen()),
                or(stakePerItemFen, d.stakePerItemFen()),
                or(queueWaitMinutes, (int) d.queueWait().toMinutes()),
                or(buyerValueFen, d.buyerValueFen()),
                or(avoidedBadReviewCostFen, d.avoidedBadReviewCostFen()));
    }

    public static TicketSettings none() {
        return new TicketSettings(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public ShiftHours hoursOf(Shift shift) {
        return switch (shift) {
            case DAY -> new ShiftHours(dayShiftStart, dayShiftEnd);
            case NIGHT -> new ShiftHours(nightShiftStart, nightShiftEnd);
            case ANY -> new ShiftHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        };
    }

    /**
     * The first instant after {@code after} when one of the shop's shifts starts or ends: who is on
     * shift changes then, so the queue is handed out again (see ShiftChanges).
     */
    public Instant nextShiftChange(Instant after) {
        ZoneId zone = zone();
        LocalDate today = after.atZone(zone).toLocalDate();
        Instant next = null;
        for (LocalTime t : List.of(dayShiftStart, dayShiftEnd, nightShiftStart, nightShiftEnd)) {
            for (int days = 0; days <= 2; days++) {
                Instant at = today.plusDays(days).atTime(t).atZone(zone).toInstant();
                if (at.isAfter(after)) {
                    next = next == null || at.isBefore(next) ? at : next;
                    break;
                }
            }
        }
        return next;
    }

    /** The day and night shifts together. */
    public BusinessHours businessHours() {
        return new BusinessHours(zone(), List.of(hoursOf(Shift.DAY), hoursOf(Shift.NIGHT)));
    }

    public Duration firstContact() {
        return Duration.ofMinutes(firstContactMinutes);
    }

    public Duration queueWait() {
        return Duration.ofMinutes(queueWaitMinutes);
    }

    public Duration resolution() {
        return Duration.ofHours(resolutionHours);
    }

    /** What recovering a review of this rating earns the agent. */
    public long incentiveFen(Rating rating) {
        return switch (rating) {
            case NEUTRAL -> incentiveNeutralFen;
            case BAD -> incentiveBadFen;
            case GOOD -> 0;
        };
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
