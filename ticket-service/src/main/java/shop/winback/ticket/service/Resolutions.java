package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import shop.winback.platform.problem.ConflictProblem;
import shop.winback.platform.problem.InvalidRequestProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.Outcome;
import shop.winback.ticket.domain.PendingTask;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketReview;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.messaging.in.ReviewRevisedV1;
import shop.winback.ticket.messaging.out.TicketEvents;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;
import shop.winback.ticket.stats.EconomicsLedger;

/**
 * How tickets end. RECOVERED comes only from the buyer's revision ({@code review.revised.v1}) and
 * credits the agent; the agent or a supervisor ends a ticket as EXPLAINED, UNRECOVERED (with the
 * reason) or CANCELLED.
 */
@ApplicationScoped
public class Resolutions {

    private final EconomicsLedger ledger;
    private final Dispatcher dispatcher;
    private final TicketEvents events;
    private final TicketSettingsStore settings;
    private final EntityManager em;
    private final Clock clock;

    public Resolutions(
            Dispatcher dispatcher,
            TicketEvents events,
            TicketSettingsStore settings,
            EconomicsLedger ledger,
            EntityManager em,
            Clock clock) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.events = events;
        this.settings = settings;
        this.em = em;
        this.clock = clock;
    }

    /** One {@code review.revised.v1} as delivered, with its trace (W3C traceparent, may be null). */
    public record ReceivedRevision(ReviewRevisedV1 revision, String traceParent) {}

    /** Ends a ticket by hand; RECOVERED is not for hands (the buyer's revision decides it). */
    @Transactional
    public Ticket resolve(UUID ticketId, Outcome outcome, String reason) {
        if (outcome == Outcome.RECOVERED) {
            throw new InvalidRequestProblem("outcome", "RECOVERED is recorded when the buyer revises the review");
        }
        if (outcome == Outcome.UNRECOVERED && (reason == null || reason.isBlank())) {
            throw new InvalidRequestProblem("reason", "say why the buyer was not won back");
        }
        Ticket ticket =
                Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> new NotFoundProblem("Ticket", ticketId));
        dispatcher.lockShop(ticket.shopId);
        em.refresh(ticket); // another instance may have changed it before we held the lock
        if (!ticket.isOpen()) {
            throw new ConflictProblem(
                    "ticket-closed",
                    "Ticket already resolved",
                    "Ticket " + ticketId + " was resolved as " + ticket.outcome + " at " + ticket.closedAt);
        }
        close(ticket, outcome, reason, 0);
        return ticket;
    }

    /** Handles {@code review.revised.v1}, each delivered for the first time; revisions of reviews no ticket carries change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewsRevised(List<ReceivedRevision> revisions) {
        for (ReceivedRevision received : revisions) {
            revised(received.revision(), received.traceParent());
        }
    }

    private void revised(ReviewRevisedV1 revision, String traceParent) {
        TicketReview review = TicketReview.findById(new TicketReview.Key(revision.shopId(), revision.reviewId()));
        if (review == null) {
            return;
        }
        dispatcher.lockShop(revision.shopId());
        em.refresh(review);
        if (review.revisedAt != null && revision.revisedAt().isBefore(review.revisedAt)) {
            return; // an older revision arriving late
        }
        review.currentRating = revision.after().rating();
        review.textStillNegative = revision.textStillNegative();
        review.revisedAt = revision.revisedAt();
        Ticket ticket = Ticket.findById(review.ticketId);
        em.refresh(ticket);
        ticket.traceParent = traceParent;
        List<TicketReview> all = TicketReview.ofTicket(ticket.id);
        boolean allRecovered = all.stream().allMatch(TicketReview::recovered);
        ticket.pendingTask = all.stream().anyMatch(r -> r.currentRating.isGood() && r.textStillNegative)
                ? PendingTask.ASK_BUYER_TO_UPDATE_TEXT
                : null;
        events.reviewRevised(ticket, review);
        if (!allRecovered) {
            return;
        }
        TicketSettings shop = settings.effective(ticket.shopId);
        long credit = ticket.agentId == null
                ? 0
                : all.stream().mapToLong(r -> shop.incentiveFen(r.rating)).sum();
        if (ticket.isOpen()) {
            close(ticket, Outcome.RECOVERED, null, credit);
        } else if (ticket.outcome == Outcome.EXPLAINED || ticket.outcome == Outcome.UNRECOVERED) {
            // the buyer revised after the agent had let go: still the agent's recovery; once, as the outcome
            // is RECOVERED from now on (a later revision of the ticket's reviews finds it so)
            ticket.outcome = Outcome.RECOVERED;
            ticket.outcomeReason = null;
            ticket.creditFen = credit;
            events.resolved(ticket);
            ledger.recoveredAfterAll(ticket);
        }
    }

    /** Closes an open ticket; the caller holds the shop's lock. Frees the agent's place for the next ticket. */
    void close(Ticket ticket, Outcome outcome, String reason, long credit) {
        Instant now = Instant.now(clock);
        if (ticket.status == TicketStatus.ASSIGNED) {
            Agent agent = Agent.findById(ticket.agentId);
            agent.openTickets--;
            agent.updatedAt = now;
        }
        ticket.status = TicketStatus.CLOSED;
        ticket.closedAt = now;
        ticket.lastTouchedAt = now;
        ticket.outcome = outcome;
        ticket.outcomeReason = reason;
        ticket.creditFen = credit;
        if (outcome == Outcome.RECOVERED) {
            ticket.pendingTask = null;
        }
        events.resolved(ticket);
        ledger.resolved(ticket);
        dispatcher.assignWaiting(ticket.shopId);
    }
}
