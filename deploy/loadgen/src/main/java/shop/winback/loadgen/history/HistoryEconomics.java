package shop.winback.loadgen.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code economics_day} rows (ticket-service's recovery-economics counters, V13) that the history of a
 * {@link HistoryModel} would have left: every review, ticket opening, first assignment, first contact, resolution,
 * compensation and courier claim of the model counted as ticket-service's EconomicsLedger counts it — the same
 * breakdowns (SHOP with member '', AGENT by agent id, PRODUCT by SKU, REASON by complaint reason), figures, details
 * (compensation type, duration bucket) and local days in the shop's zone. Pure: the same model gives the same rows in
 * the same order. Streams day by day: every event of review i happens on or after the day it was written, and reviews
 * are written in index order, so a day before review i's is complete and is handed out and forgotten (a year of a
 * million reviews is about a million rows; only a few days of them are held).
 */
public final class HistoryEconomics {

    /** The table's columns, in the order of {@link Row}. */
    static final String COLUMNS = "shop_id, dimension, day, member, figure, detail, value";

    /** One counter of one day (the shop is the model's). */
    public record Row(String dimension, LocalDate day, String member, String figure, String detail, long value) {}

    /** Receives the rows, day after day. */
    @FunctionalInterface
    public interface Sink {
        void row(Row row) throws java.sql.SQLException;
    }

    private record Key(String dimension, String member, String figure, String detail) {}

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::dimension)
            .thenComparing(Key::member)
            .thenComparing(Key::figure)
            .thenComparing(Key::detail);

    private final HistoryModel model;
    private final TreeMap<LocalDate, Map<Key, Long>> pending = new TreeMap<>();

    public HistoryEconomics(HistoryModel model) {
        this.model = model;
    }

    /** Hands every row to {@code sink}, days in order, within a day by dimension, member, figure and detail. */
    public void forEach(Sink sink) throws java.sql.SQLException {
        pending.clear();
        for (long i = 0; i < model.reviews(); i++) {
            flushBefore(model.localDate(model.createdAt(i)), sink);
            count(i);
        }
        flushBefore(LocalDate.MAX, sink);
    }

    /** Every row, in memory: for tests and small histories. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try {
            forEach(rows::add);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private void flushBefore(LocalDate day, Sink sink) throws java.sql.SQLException {
        while (!pending.isEmpty() && pending.firstKey().isBefore(day)) {
            Map.Entry<LocalDate, Map<Key, Long>> d = pending.pollFirstEntry();
            List<Map.Entry<Key, Long>> cells = new ArrayList<>(d.getValue().entrySet());
            cells.sort(Map.Entry.comparingByKey(ORDER));
            // zeros included: a day's still-open count taken back to zero stays a row in ticket-service's table too
            for (Map.Entry<Key, Long> c : cells) {
                Key k = c.getKey();
                sink.row(new Row(k.dimension(), d.getKey(), k.member(), k.figure(), k.detail(), c.getValue()));
            }
        }
    }

    /** Review i and what followed it, as EconomicsLedger's methods count each event. */
    private void count(long i) {
        // reviewReceived: by its first rating, on the day the buyer wrote it; good reviews carry no reasons
        String sku = model.sku(i);
        String rating = "REVIEWS_" + model.originalRating(i).name();
        List<String> reasons = model.negative(i) ? model.complaintReasons(i) : List.of();
        Instant created = model.createdAt(i);
        add(created, "SHOP", "", rating, "", 1);
        add(created, "PRODUCT", sku, rating, "", 1);
        reasons.forEach(r -> add(created, "REASON", r, rating, "", 1));
        if (!model.negative(i)) {
            return;
        }
        UUID agent = model.agentId(model.agentOf(i));
        Instant opened = model.openedAt(i);
        // ticketOpened: opened and still open, without an agent
        toTicket(opened, null, sku, reasons, "TICKETS_OPENED", "", 1);
        toTicket(opened, null, sku, reasons, "STILL_OPEN", "", 1);
        duration(i, agent, sku, reasons, "SECONDS_TO_ASSIGNMENT", model.assignedAt(i));
        if (model.firstContactAt(i) != null) {
            duration(i, agent, sku, reasons, "SECONDS_TO_FIRST_CONTACT", model.firstContactAt(i));
        }
        Instant closed = model.closedAt(i);
        if (closed != null) {
            // resolved (first): the outcome for the resolving agent, off the opening day's still-open count, the time
            String outcome = !model.recovered(i)
                    ? "UNRECOVERED"
                    : model.originalRating(i) == HistoryModel.Rating.BAD ? "RECOVERED_BAD" : "RECOVERED_NEUTRAL";
            toTicket(closed, agent, sku, reasons, outcome, "", 1);
            toTicket(opened, null, sku, reasons, "STILL_OPEN", "", -1);
            duration(i, agent, sku, reasons, "SECONDS_TO_RESOLUTION", closed);
        }
        HistoryModel.Compensation money = model.compensation(i);
        if (money != null) {
            // compensationApproved: the approving agent, the ticket's product and reasons, detail = type
            toTicket(money.approvedAt(), agent, sku, reasons, "COMPENSATION_FEN", money.type(), money.amountFen());
        }
        HistoryModel.CourierClaim claim = model.courierClaim(i);
        if (claim != null) {
            // courierClaimed / courierSettled: the shop, the product and reasons of the order's ticket, no agent
            toTicket(claim.claimedAt(), null, sku, reasons, "COURIER_CLAIMED_FEN", "", claim.amountFen());
            if (claim.settledAt() != null) {
                toTicket(claim.settledAt(), null, sku, reasons, "COURIER_SETTLED_FEN", "", claim.amountFen());
            }
        }
    }

    private void duration(long i, UUID agent, String sku, List<String> reasons, String figure, Instant end) {
        long seconds = Math.max(0, Duration.between(model.openedAt(i), end).toSeconds());
        toTicket(end, agent, sku, reasons, figure, Integer.toString(bucketOf(seconds)), 1);
    }

    /** EconomicsLedger's addToTicket: the shop, the agent (if any), the product and each reason. */
    private void toTicket(
            Instant at, UUID agent, String sku, List<String> reasons, String figure, String detail, long delta) {
        add(at, "SHOP", "", figure, detail, delta);
        if (agent != null) {
            add(at, "AGENT", agent.toString(), figure, detail, delta);
        }
        add(at, "PRODUCT", sku, figure, detail, delta);
        for (String r : reasons) {
            add(at, "REASON", r, figure, detail, delta);
        }
    }

    private void add(Instant at, String dimension, String member, String figure, String detail, long delta) {
        pending.computeIfAbsent(model.localDate(at), d -> new HashMap<>())
                .merge(new Key(dimension, member, figure, detail), delta, Long::sum);
    }

    // --- ticket-service's stats/DurationBuckets, copied (the load generator does not depend on the services) --------

    static final int EXACT = 128;
    private static final int PER_DOUBLING = 32;

    /** The histogram bucket of a duration: exact below 128 s, then 32 buckets per doubling. */
    static int bucketOf(long seconds) {
        if (seconds < EXACT) {
            return (int) Math.max(0, seconds);
        }
        int bucket = EXACT + (int) Math.floor(PER_DOUBLING * (Math.log((double) seconds / EXACT) / Math.log(2)));
        while (bucket > EXACT && lowerBound(bucket) > seconds) {
            bucket--;
        }
        while (lowerBound(bucket + 1) <= seconds) {
            bucket++;
        }
        return bucket;
    }

    static long lowerBound(int bucket) {
        if (bucket < EXACT) {
            return bucket;
        }
        return (long) Math.ceil(EXACT * Math.pow(2, (double) (bucket - EXACT) / PER_DOUBLING));
    }
}
