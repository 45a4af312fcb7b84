package shop.winback.loadgen.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a {@link HistoryModel} into review-service's and ticket-service's databases with COPY, one transaction per
 * database, then ANALYZEs them. The rows are what the services themselves write (see each service's
 * db/migration and its stores): the columns are named explicitly, so a migration that adds a column without a default
 * makes the load fail (the CI smoke of deploy/bench --history catches that drift) instead of loading rows the
 * services would never write. ticket-service's recovery-economics counters (economics_day) are loaded as the history
 * would have left them ({@link HistoryEconomics}), added to what the shop's fresh run counted. Not loaded: per-item signal state (item_dsr_watch, product_alert), shop settings and
 * terms — the shop keeps the defaults — and outbox rows (the services delete an event once the broker has it).
 */
public final class HistoryLoader {

    /** Connection settings: {@code jdbc:postgresql://host:port/} plus a database name. */
    public record Database(String jdbcBase, String user, String password) {
        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(jdbcBase + database, user, password == null ? "" : password);
        }
    }

    /** What was loaded. */
    public record Loaded(
            long reviews,
            long reasons,
            long revisions,
            long agents,
            long tickets,
            long openTickets,
            long ticketReviews,
            long escalations,
            long contacts,
            long inbox,
            long economicsRows) {}

    static final String REVIEW_COLUMNS =
            "id, shop_id, platform_review_id, order_id, order_line_id, item_sku, item_title, "
                    + "buyer_id, buyer_province, buyer_city, order_amount_fen, distinct_items, rating, dsr_description, dsr_service, "
                    + "dsr_shipping, text, created_at, received_at, buyer_phone_sealed, buyer_phone_masked, buyer_address_sealed, "
                    + "revised_at, revision_count, buyer_account_created_at, text_fingerprint, item_category, buyer_vip";
    static final String AGENT_COLUMNS = "id, shop_id, name, tier, capacity, status, open_tickets, last_assigned_at, "
            + "created_at, updated_at, shift, skills";
    static final String TICKET_COLUMNS =
            "id, shop_id, order_id, review_id, platform_review_id, buyer_id, buyer_province, "
                    + "buyer_city, item_sku, item_title, rating, order_amount_fen, distinct_items, priority, status, agent_id, "
                    + "review_created_at, opened_at, assigned_at, closed_at, buyer_phone_masked, buyer_phone_sealed, "
                    + "buyer_address_sealed, item_category, buyer_vip, required_tier, preferred_agent_id, first_contact_at, "
                    + "first_contact_due_at, resolution_due_at, handed_over_at, handover_due_at, last_touched_at, pending_task, "
                    + "outcome, outcome_reason, credit_fen, first_contact_escalated_at, resolution_escalated_at, handover_escalated_at, "
                    + "complaint_reasons";
    static final String TICKET_REVIEW_COLUMNS =
            "shop_id, review_id, ticket_id, platform_review_id, item_sku, item_title, "
                    + "rating, current_rating, text_still_negative, review_created_at, joined_at, revised_at";

    private final HistoryModel model;
    private final Database db;
    private final String reviewsDb;
    private final String ticketsDb;
    private final Consumer<String> progress;

    public HistoryLoader(
            HistoryModel model, Database db, String reviewsDb, String ticketsDb, Consumer<String> progress) {
        this.model = model;
        this.db = db;
        this.reviewsDb = reviewsDb;
        this.ticketsDb = ticketsDb;
        this.progress = progress;
    }

    public Loaded load() throws SQLException {
        long[] r;
        try (Connection c = db.connect(reviewsDb)) {
            r = loadReviews(c);
        }
        long[] t;
        try (Connection c = db.connect(ticketsDb)) {
            t = loadTickets(c);
        }
        return new Loaded(r[0], r[1], r[2], t[0], t[1], model.openTickets(), t[2], t[3], t[4], t[5], t[6]);
    }

    // --- review-service: review, review_reason, review_revision ---------------------------------------------------

    private long[] loadReviews(Connection c) throws SQLException {
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long n = model.reviews();

        CopyWriter reviews = CopyWriter.open(copy, "review", REVIEW_COLUMNS);
        for (long i = 0; i < n; i++) {
            String[] place = model.place(i);
            int[] dsr = model.dsr(i);
            boolean recovered = model.recovered(i);
            String text = model.currentText(i);
            reviews.row(
                    model.reviewId(i),
                    model.shop(),
                    model.platformReviewId(i),
                    model.orderId(i),
                    model.orderLineId(i),
                    model.sku(i),
                    model.itemTitle(i),
                    model.buyerId(i),
                    place[0],
                    place[1],
                    model.orderAmountFen(i),
                    model.distinctItems(i),
                    model.currentRating(i).name(),
                    dsr[0],
                    dsr[1],
                    dsr[2],
                    text,
                    model.createdAt(i),
                    model.receivedAt(i),
                    null,
                    null,
                    null,
                    recovered ? model.revisedAt(i) : null,
                    recovered ? 1 : 0,
                    model.buyerAccountCreatedAt(i),
                    HistoryModel.fingerprint(text),
                    model.itemCategory(i),
                    model.buyerVip(i));
            if (i > 0 && i % 200_000 == 0) {
                progress.accept(String.format(Locale.ROOT, "history: %d of %d reviews copied", i, n));
            }
        }
        long reviewRows = reviews.finish();

        // one COPY at a time per connection: reasons first, then revisions
        CopyWriter reasons = CopyWriter.open(copy, "review_reason", "review_id, reason, evidence");
        for (long i = 0; i < n; i++) {
            if (model.negative(i)) {
                for (HistoryModel.Reason reason : model.reasons(i)) {
                    reasons.row(model.reviewId(i), reason.reason(), reason.evidence());
                }
            }
        }
        long reasonRows = reasons.finish();
        CopyWriter revisions = CopyWriter.open(
                copy,
                "review_revision",
                "id, review_id, shop_id, rating_before, rating_after, "
                        + "text_before, text_after, text_still_negative, revised_at, received_at");
        for (long i = 0; i < n; i++) {
            if (model.recovered(i)) {
                revisions.row(
                        model.revisionId(i),
                        model.reviewId(i),
                        model.shop(),
                        model.originalRating(i).name(),
                        "GOOD",
                        model.originalText(i),
                        model.currentText(i),
                        false,
                        model.revisedAt(i),
                        model.revisedAt(i).plusSeconds(2));
            }
        }
        long revisionRows = revisions.finish();

        c.commit();
        progress.accept(String.format(
                Locale.ROOT,
                "history: reviews: %d reviews, %d reasons, %d revisions; analyzing ...",
                reviewRows,
                reasonRows,
                revisionRows));
        analyze(c, "review", "review_reason", "review_revision");
        return new long[] {reviewRows, reasonRows, revisionRows};
    }

    // --- ticket-service: agent, ticket, ticket_review, ticket_escalation, contact_attempt, inbox_message --------

    private long[] loadTickets(Connection c) throws SQLException {
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long n = model.reviews();
        Instant now = model.now();
        Instant inboxFrom = now.minus(HistoryModel.INBOX_RETENTION);

        // agents: OFFLINE, so they take no new work; open_tickets as the tickets below say
        long[] open = model.openTicketsPerAgent();
        Instant[] lastAssigned = new Instant[model.agents()];
        for (long i = 0; i < n; i++) {
            if (model.negative(i)) {
                int a = model.agentOf(i);
                Instant at = model.assignedAt(i);
                if (lastAssigned[a] == null || at.isAfter(lastAssigned[a])) {
                    lastAssigned[a] = at;
                }
            }
        }
        CopyWriter agents = CopyWriter.open(copy, "agent", AGENT_COLUMNS);
        Instant hired = now.minus(HistoryModel.SPAN).minus(java.time.Duration.ofDays(30));
        for (int a = 0; a < model.agents(); a++) {
            Instant last = lastAssigned[a];
            agents.row(
                    model.agentId(a),
                    model.shop(),
                    model.agentName(a),
                    "REVIEW_RECOVERY",
                    model.capacity(),
                    "OFFLINE",
                    open[a],
                    last,
                    hired,
                    last == null ? hired : last,
                    "ANY",
                    "{}");
        }
        long agentRows = agents.finish();

        CopyWriter tickets = CopyWriter.open(copy, "ticket", TICKET_COLUMNS);
        long ticketRows = 0;
        for (long i = 0; i < n; i++) {
            if (!model.negative(i)) {
                continue;
            }
            String[] place = model.place(i);
            Instant contact = model.firstContactAt(i);
            boolean isOpen = model.open(i);
            tickets.row(
                    model.ticketId(i),
                    model.shop(),
                    model.orderId(i),
                    model.reviewId(i),
                    model.platformReviewId(i),
                    model.buyerId(i),
                    place[0],
                    place[1],
                    model.sku(i),
                    model.itemTitle(i),
                    model.originalRating(i).name(),
                    model.orderAmountFen(i),
                    model.distinctItems(i),
                    model.priority(i),
                    isOpen ? "ASSIGNED" : "CLOSED",
                    model.agentId(model.agentOf(i)),
                    model.createdAt(i),
                    model.openedAt(i),
                    model.assignedAt(i),
                    model.closedAt(i),
                    null,
                    null,
                    null,
                    model.itemCategory(i),
                    model.buyerVip(i),
                    "REVIEW_RECOVERY",
                    null,
                    contact,
                    model.firstContactDueAt(i),
                    model.resolutionDueAt(i),
                    null,
                    null,
                    isOpen ? contact : model.closedAt(i),
                    null,
                    model.outcome(i),
                    null,
                    model.creditFen(i),
                    model.firstContactEscalatedAt(i),
                    model.resolutionEscalatedAt(i),
                    null,
                    "{" + String.join(",", model.complaintReasons(i)) + "}");
            ticketRows++;
            if (ticketRows % 100_000 == 0) {
                progress.accept(
                        String.format(Locale.ROOT, "history: %d of %d tickets copied", ticketRows, model.negatives()));
            }
        }
        tickets.finish();

        CopyWriter ticketReviews = CopyWriter.open(copy, "ticket_review", TICKET_REVIEW_COLUMNS);
        long ticketReviewRows = 0;
        for (long i = 0; i < n; i++) {
            if (model.negative(i)) {
                boolean recovered = model.recovered(i);
                ticketReviews.row(
                        model.shop(),
                        model.reviewId(i),
                        model.ticketId(i),
                        model.platformReviewId(i),
                        model.sku(i),
                        model.itemTitle(i),
                        model.originalRating(i).name(),
                        model.currentRating(i).name(),
                        false,
                        model.createdAt(i),
                        model.openedAt(i),
                        recovered ? model.revisedAt(i) : null);
                ticketReviewRows++;
            }
        }
        ticketReviews.finish();

        // what the SLA watch would have escalated: open tickets past a deadline (no supervisor on shift then)
        CopyWriter escalations = CopyWriter.open(
                copy, "ticket_escalation", "ticket_id, reason, shop_id, agent_id, supervisor_id, due_at, escalated_at");
        long escalationRows = 0;
        for (long i = 0; i < n; i++) {
            if (!model.open(i)) {
                continue;
            }
            if (model.firstContactEscalatedAt(i) != null) {
                escalations.row(
                        model.ticketId(i),
                        "FIRST_CONTACT_OVERDUE",
                        model.shop(),
                        model.agentId(model.agentOf(i)),
                        null,
                        model.firstContactDueAt(i),
                        model.firstContactEscalatedAt(i));
                escalationRows++;
            }
            if (model.resolutionEscalatedAt(i) != null) {
                escalations.row(
                        model.ticketId(i),
                        "RESOLUTION_OVERDUE",
                        model.shop(),
                        model.agentId(model.agentOf(i)),
                        null,
                        model.resolutionDueAt(i),
                        model.resolutionEscalatedAt(i));
                escalationRows++;
            }
        }
        escalations.finish();

        CopyWriter contacts = CopyWriter.open(
                copy,
                "contact_attempt",
                "id, shop_id, ticket_id, buyer_id, agent_id, channel, outcome, note, attempted_at, local_date");
        long contactRows = 0;
        for (long i = 0; i < n; i++) {
            Instant at = model.negative(i) ? model.firstContactAt(i) : null;
            if (at != null) {
                contacts.row(
                        model.contactId(i),
                        model.shop(),
                        model.ticketId(i),
                        model.buyerId(i),
                        model.agentId(model.agentOf(i)),
                        "PHONE",
                        model.contactOutcome(i),
                        null,
                        at,
                        model.localDate(at));
                contactRows++;
            }
        }
        contacts.finish();

        CopyWriter inbox = CopyWriter.open(copy, "inbox_message", "consumer, event_id, received_at");
        long inboxRows = 0;
        for (long i = 0; i < n; i++) {
            if (model.negative(i) && !model.openedAt(i).isBefore(inboxFrom)) {
                inbox.row(
                        HistoryModel.REVIEWS_CONSUMER, model.receivedEventId(i).toString(), model.openedAt(i));
                inboxRows++;
            }
        }
        inbox.finish();

        long economicsRows = loadEconomics(c, copy);

        c.commit();
        progress.accept(String.format(
                Locale.ROOT,
                "history: tickets: %d agents, %d tickets (%d open), %d escalations, "
                        + "%d contacts, %d inbox, %d economics_day rows; analyzing ...",
                agentRows,
                ticketRows,
                model.openTickets(),
                escalationRows,
                contactRows,
                inboxRows,
                economicsRows));
        analyze(
                c,
                "agent",
                "ticket",
                "ticket_review",
                "ticket_escalation",
                "contact_attempt",
                "inbox_message",
                "economics_day");
        return new long[] {
            agentRows, ticketRows, ticketReviewRows, escalationRows, contactRows, inboxRows, economicsRows
        };
    }

    /**
     * The recovery-economics counters the history would have left (HistoryEconomics). Copied into a temporary table and
     * added from there, as ticket-service's ledger adds: the shop's fresh run has already counted today, and a COPY
     * straight into economics_day would fail on those days' keys.
     */
    private long loadEconomics(Connection c, CopyManager copy) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE economics_load (LIKE economics_day INCLUDING DEFAULTS) ON COMMIT DROP");
        }
        CopyWriter economics = CopyWriter.open(copy, "economics_load", HistoryEconomics.COLUMNS);
        String shop = model.shop();
        new HistoryEconomics(model)
                .forEach(r ->
                        economics.row(shop, r.dimension(), r.day(), r.member(), r.figure(), r.detail(), r.value()));
        long rows = economics.finish();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO economics_day AS e (" + HistoryEconomics.COLUMNS + ") SELECT "
                    + HistoryEconomics.COLUMNS
                    + " FROM economics_load ON CONFLICT (shop_id, dimension, day, member, figure, "
                    + "detail) DO UPDATE SET value = e.value + EXCLUDED.value");
        }
        return rows;
    }

    private static void analyze(Connection c, String... tables) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("ANALYZE " + table);
            }
        }
    }
}
