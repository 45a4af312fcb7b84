package shop.winback.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;

/**
 * The numbers of DOMAIN.md that every shop starts with; a shop overrides any of them through
 * {@code PUT /api/v1/ticket-settings}.
 */
@ConfigMapping(prefix = "ticket.defaults")
public interface TicketDefaults {

    /** The shop's time zone: shifts, business hours, "per day" counts and the handover follow it. */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** Day shift start (local time). */
    @WithDefault("09:00")
    LocalTime dayShiftStart();

    /** Day shift end; the night shift takes over. */
    @WithDefault("18:00")
    LocalTime dayShiftEnd();

    /** Night shift (晚班) start. */
    @WithDefault("18:00")
    LocalTime nightShiftStart();

    /** Night shift end; 00:00 is midnight. Business hours are the two shifts together. */
    @WithDefault("00:00")
    LocalTime nightShiftEnd();

    /**
     * First contact with the buyer, in business time from the review's arrival. Proposed: 30 min.
     * Assignment takes seconds, so this is the agent's time to read the order and call; DOMAIN's
     * after-sales first reply is 5 min, and the chance of recovery falls with every hour.
     */
    @WithDefault("PT30M")
    Duration firstContact();

    /** Resolution, in business time from the review's arrival (DOMAIN: problems resolved within 48 h). */
    @WithDefault("PT48H")
    Duration resolution();

    /**
     * A ticket nobody has taken within this much business time of entering the queue is escalated
     * (QUEUE_WAIT_OVERDUE). DOMAIN: a first reply within 5 minutes; a ticket still unassigned then
     * will miss it, and the supervisor still has 25 of the 30 first-contact minutes to act.
     */
    @WithDefault("PT5M")
    Duration queueWait();

    /** Tickets handed over from the night shift must be touched by this local time (DOMAIN: before noon). */
    @WithDefault("12:00")
    LocalTime handoverTouchBy();

    /** Phone calls to one buyer per local day, over all their tickets (do not harass). */
    @WithDefault("2")
    int callsPerBuyerPerDay();

    /** Incentive per neutral review recovered, in fen (DOMAIN: 3 元). */
    @WithDefault("300")
    long incentiveNeutralFen();

    /** Incentive per bad review recovered, in fen (DOMAIN: 5 元). */
    @WithDefault("500")
    long incentiveBadFen();

    /**
     * What each distinct item of the order adds to what is at stake when ranking waiting tickets,
     * in fen: each item can earn another bad review, and a recovered buyer is worth ~30 元 (DOMAIN).
     */
    @WithDefault("3000")
    long stakePerItemFen();

    /**
     * What a recovered buyer is worth to the shop, in fen, for the value recovered in the recovery
     * economics (DOMAIN: ~30 元 of acquisition cost each).
     */
    @WithDefault("3000")
    long buyerValueFen();

    /**
     * What one bad review costs the shop in lost sales, in fen, where the shop has an estimate; added to
     * the value of each recovery. None by default (DOMAIN gives no number).
     */
    @WithDefault("0")
    long avoidedBadReviewCostFen();
}
