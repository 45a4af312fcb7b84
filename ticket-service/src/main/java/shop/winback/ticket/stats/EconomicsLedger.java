package shop.winback.ticket.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.ticket.domain.Outcome;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.settings.TicketSettingsStore;

/**
 * Keeps the recovery-economics counters ({@code economics_day}) as things happen, in the same
 * transaction as the rest of their effect. What one transaction adds up is gathered in memory and
 * written just before it commits, in one statement however many reviews, tickets and compensations
 * the transaction handled: a poll of a thousand good reviews costs one upsert, not a thousand. Each
 * caller handles an event once (the inbox, or the ticket's own state), so a redelivery adds nothing.
 * Days are local days in the shop's time zone; the rules (which event, which day) are spec-17's,
 * quoted in the README.
 */
@ApplicationScoped
public class EconomicsLedger {

    private static final String UPSERT = """
            INSERT INTO economics_day AS e (shop_id, dimension, day, member, figure, detail, value)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(CAST(? AS text[]) AS date[]), CAST(? AS text[]),
                                 CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]))
            ON CONFLICT (shop_id, dimension, day, member, figure, detail) DO UPDATE SET value = e.value + EXCLUDED.value""";

    private static final java.util.Comparator<Key> ORDER = java.util.Comparator.comparing(Key::shopId)
            .thenComparing(Key::breakdown)
            .thenComparing(Key::day)
            .thenComparing(Key::member)
            .thenComparing(Key::figure)
            .thenComparing(Key::detail);

    private static final Object PENDING = EconomicsLedger.class.getName() + ".pending";

    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;
    private final TicketSettingsStore settings;

    public EconomicsLedger(
            TransactionSynchronizationRegistry transactions, DataSource dataSource, TicketSettingsStore settings) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** One counter of one day. */
    record Key(String shopId, Breakdown breakdown, LocalDate day, String member, Figure figure, String detail) {}

    /** A review as counted: received, on the day the buyer wrote it; good reviews carry no reasons. */
    public void reviewReceived(
            String shopId, String sku, Rating rating, Collection<String> reasons, Instant createdAt) {
        Figure figure = switch (rating) {
            case GOOD -> Figure.REVIEWS_GOOD;
            case NEUTRAL -> Figure.REVIEWS_NEUTRAL;
            case BAD -> Figure.REVIEWS_BAD;
        };
        Counts c = counts(shopId, createdAt);
        c.add(Breakdown.SHOP, "", figure, "", 1);
        c.add(Breakdown.PRODUCT, sku, figure, "", 1);
        reasons.forEach(reason -> c.add(Breakdown.REASON, reason, figure, "", 1));
    }

    /** ticket.opened.v1: counted, and still open until first resolved. */
    public void ticketOpened(Ticket t) {
        Counts c = counts(t.shopId, t.openedAt);
        c.addToTicket(t, null, Figure.TICKETS_OPENED, "", 1);
        c.addToTicket(t, null, Figure.STILL_OPEN, "", 1);
    }

    /** The ticket's first assignment (a later move is not the time to assignment). */
    public void firstAssigned(Ticket t, UUID agentId, Instant at) {
        duration(t, agentId, Figure.SECONDS_TO_ASSIGNMENT, at);
    }

    public void firstContact(Ticket t, UUID agentId, Instant at) {
        duration(t, agentId, Figure.SECONDS_TO_FIRST_CONTACT, at);
    }

    /**
     * ticket.resolved.v1 as first published: its outcome on the day of resolvedAt (the ticket's
     * closedAt), for the resolving agent; it also ends the ticket's time to resolution and takes it
     * off the opening day's still-open count.
     */
    public void resolved(Ticket t) {
        Counts c = counts(t.shopId, t.closedAt);
        c.addToTicket(t, t.agentId, t.outcome == Outcome.RECOVERED ? recovered(t) : Figure.UNRECOVERED, "", 1);
        // complaint reasons (V13, like the counters) are set on every ticket opened since: only such a ticket
        // was counted still open on its opening day; one from before must not take that day below zero
        if (t.complaintReasons != null) {
            counts(t.shopId, t.openedAt).addToTicket(t, null, Figure.STILL_OPEN, "", -1);
        }
        duration(t, t.agentId, Figure.SECONDS_TO_RESOLUTION, t.closedAt);
    }

    /**
     * A ticket resolved EXPLAINED or UNRECOVERED that the buyer revised after all, now RECOVERED (published
     * again with the same resolvedAt): a ticket ends once, so it moves from unrecovered to recovered on its
     * resolution day, for the same agent, product and reasons, as the reporting job counts it. The caller
     * calls this once per ticket (the ticket's outcome changes from then on).
     */
    public void recoveredAfterAll(Ticket t) {
        Counts c = counts(t.shopId, t.closedAt);
        c.addToTicket(t, t.agentId, Figure.UNRECOVERED, "", -1);
        c.addToTicket(t, t.agentId, recovered(t), "", 1);
    }

    private static Figure recovered(Ticket t) {
        return t.rating == Rating.BAD ? Figure.RECOVERED_BAD : Figure.RECOVERED_NEUTRAL;
    }

    /**
     * compensation.approved.v1: money paid out, by type, on the day of occurredAt, for the agent who
     * offered it (the event's agentId, whoever approved it); by product and reason when it belongs to
     * a ticket ({@code sku} null otherwise).
     */
    public void compensationApproved(
            String shopId,
            String agent,
            String sku,
            Collection<String> reasons,
            String type,
            long amountFen,
            Instant occurredAt) {
        Counts c = counts(shopId, occurredAt);
        c.add(Breakdown.SHOP, "", Figure.COMPENSATION_FEN, type, amountFen);
        if (agent != null && !agent.isBlank()) {
            c.add(Breakdown.AGENT, agent, Figure.COMPENSATION_FEN, type, amountFen);
        }
        if (sku != null) {
            c.add(Breakdown.PRODUCT, sku, Figure.COMPENSATION_FEN, type, amountFen);
        }
        reasons.forEach(reason -> c.add(Breakdown.REASON, reason, Figure.COMPENSATION_FEN, type, amountFen));
    }

    /** A claim against the courier filed (lost-parcel.claimed.v1 from logistics-service), on the day it was filed. */
    public void courierClaimed(String shopId, String orderId, long amountFen, Instant claimedAt) {
        courier(shopId, orderId, Figure.COURIER_CLAIMED_FEN, amountFen, claimedAt);
    }

    /** What the courier paid on a SETTLED claim: a courier-fault loss claimed back, on the day it was settled. */
    public void courierSettled(String shopId, String orderId, long amountFen, Instant settledAt) {
        courier(shopId, orderId, Figure.COURIER_SETTLED_FEN, amountFen, settledAt);
    }

    /** For the shop, and under the product and reasons of the order's latest ticket, if it has one. */
    private void courier(String shopId, String orderId, Figure figure, long amountFen, Instant at) {
        Counts c = counts(shopId, at);
        c.add(Breakdown.SHOP, "", figure, "", amountFen);
        List<Object[]> ticket = Jdbc.query(
                dataSource,
                """
                SELECT item_sku, complaint_reasons FROM ticket WHERE shop_id = ? AND order_id = ?
                ORDER BY opened_at DESC LIMIT 1""",
                (s, connection) -> {
                    s.setString(1, shopId);
                    s.setString(2, orderId);
                },
                rs -> new Object[] {
                    rs.getString(1),
                    rs.getArray(2) == null
                            ? new String[0]
                            : (String[]) rs.getArray(2).getArray()
                });
        if (!ticket.isEmpty()) {
            c.add(Breakdown.PRODUCT, (String) ticket.get(0)[0], figure, "", amountFen);
            for (String reason : (String[]) ticket.get(0)[1]) {
                c.add(Breakdown.REASON, reason, figure, "", amountFen);
            }
        }
    }

    private void duration(Ticket t, UUID agentId, Figure figure, Instant end) {
        long seconds = Math.max(0, Duration.between(t.openedAt, end).toSeconds());
        counts(t.shopId, end).addToTicket(t, agentId, figure, Integer.toString(DurationBuckets.bucketOf(seconds)), 1);
    }

    /** The counters of the shop's local day of {@code at}, in this transaction. */
    private Counts counts(String shopId, Instant at) {
        ZoneId zone = settings.effective(shopId).zone();
        return new Counts(pending(), shopId, at.atZone(zone).toLocalDate());
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending;
    }

    private record Counts(Pending pending, String shopId, LocalDate day) {

        void add(Breakdown breakdown, String member, Figure figure, String detail, long delta) {
            pending.values.merge(new Key(shopId, breakdown, day, member, figure, detail), delta, Long::sum);
        }

        /** The shop's figure, and the agent's (if any), the ticket's product's and each of its reasons'. */
        void addToTicket(Ticket t, UUID agentId, Figure figure, String detail, long delta) {
            add(Breakdown.SHOP, "", figure, detail, delta);
            if (agentId != null) {
                add(Breakdown.AGENT, agentId.toString(), figure, detail, delta);
            }
            add(Breakdown.PRODUCT, t.itemSku, figure, detail, delta);
            if (t.complaintReasons != null) {
                for (String reason : t.complaintReasons) {
                    add(Breakdown.REASON, reason, figure, detail, delta);
                }
            }
        }
    }

    /** What the transaction added up, written once just before it commits. */
    private final class Pending implements Synchronization {

        final Map<Key, Long> values = new LinkedHashMap<>();

        @Override
        public void beforeCompletion() {
            if (values.isEmpty() || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            write(values);
        }

        @Override
        public void afterCompletion(int status) {}
    }

    private void write(Map<Key, Long> values) {
        int n = values.size();
        List<String> shops = new ArrayList<>(n);
        List<String> breakdowns = new ArrayList<>(n);
        List<LocalDate> days = new ArrayList<>(n);
        List<String> members = new ArrayList<>(n);
        List<String> figures = new ArrayList<>(n);
        List<String> details = new ArrayList<>(n);
        List<Long> deltas = new ArrayList<>(n);
        // one order for every writer: two transactions adding to the same days never wait on each other in a circle
        values.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).forEach(e -> {
            Key k = e.getKey();
            long v = e.getValue();
            shops.add(k.shopId());
            breakdowns.add(k.breakdown().name());
            days.add(k.day());
            members.add(k.member());
            figures.add(k.figure().name());
            details.add(k.detail());
            deltas.add(v);
        });
        Jdbc.update(dataSource, UPSERT, (s, connection) -> {
            s.setArray(1, connection.createArrayOf("text", shops.toArray()));
            s.setArray(2, connection.createArrayOf("text", breakdowns.toArray()));
            s.setArray(
                    3,
                    connection.createArrayOf(
                            "text", days.stream().map(LocalDate::toString).toArray()));
            s.setArray(4, connection.createArrayOf("text", members.toArray()));
            s.setArray(5, connection.createArrayOf("text", figures.toArray()));
            s.setArray(6, connection.createArrayOf("text", details.toArray()));
            s.setArray(7, connection.createArrayOf("bigint", deltas.toArray()));
        });
    }
}
