package shop.winback.ticket.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.domain.BuyerNote;
import shop.winback.ticket.domain.ContactAttempt;
import shop.winback.ticket.domain.Outcome;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketReview;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.domain.Tier;
import shop.winback.ticket.rest.TicketViews.Buyer;
import shop.winback.ticket.rest.TicketViews.BuyerHistory;
import shop.winback.ticket.rest.TicketViews.BuyerTicketView;
import shop.winback.ticket.rest.TicketViews.CompensationView;
import shop.winback.ticket.rest.TicketViews.ContactView;
import shop.winback.ticket.rest.TicketViews.EarlierTicket;
import shop.winback.ticket.rest.TicketViews.NoteView;
import shop.winback.ticket.rest.TicketViews.ReviewView;
import shop.winback.ticket.rest.TicketViews.TicketDetail;
import shop.winback.ticket.rest.TicketViews.TicketView;
import shop.winback.ticket.service.ContactDesk;
import shop.winback.ticket.service.SlaWatch;
import shop.winback.ticket.service.SqlValues;
import shop.winback.ticket.settings.TicketSettingsStore;

/**
 * Which tickets the caller may see and how much of the buyer: all of the shop's for supervisors,
 * managers and reporting; an agent only the tickets assigned to them. Anything else is not found.
 */
@RequestScoped
public class TicketAccess {

    private final Caller caller;
    private final PersonalData personalData;
    private final TicketSettingsStore settings;
    private final ContactDesk contacts;
    private final SlaWatch slas;
    private final EntityManager em;
    private final Clock clock;

    public TicketAccess(
            Caller caller,
            PersonalData personalData,
            TicketSettingsStore settings,
            ContactDesk contacts,
            SlaWatch slas,
            EntityManager em,
            Clock clock) {
        this.caller = caller;
        this.personalData = personalData;
        this.settings = settings;
        this.contacts = contacts;
        this.slas = slas;
        this.em = em;
        this.clock = clock;
    }

    /** For agents, their own id: every list they see is filtered by it. */
    Optional<UUID> onlyAgent() {
        return caller.seesOnlyOwnWork() ? Optional.of(caller.requireAgentId()) : Optional.empty();
    }

    Ticket visible(UUID id) {
        Optional<UUID> onlyAgent = onlyAgent();
        return Ticket.<Ticket>find("id = ?1 and shopId = ?2", id, caller.shopId())
                .firstResultOptional()
                .filter(t -> onlyAgent.isEmpty() || onlyAgent.get().equals(t.agentId))
                .orElseThrow(() -> new NotFoundProblem("Ticket", id));
    }

    /**
     * A ticket the caller may move to another agent: any of the shop's for supervisors and managers
     * (by role, or by the tier of an agent token); an agent only their own (others' are not found,
     * as everywhere).
     */
    Ticket reassignable(UUID id) {
        boolean supervisorTier = caller.tier()
                .map(t -> t.equals(Tier.SUPERVISOR.name()) || t.equals(Tier.MANAGER.name()))
                .orElse(false);
        if (caller.seesOnlyOwnWork() && !supervisorTier) {
            return visible(id);
        }
        return Ticket.<Ticket>find("id = ?1 and shopId = ?2", id, caller.shopId())
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundProblem("Ticket", id));
    }

    /** The buyer's phone and address in clear for the agent working the ticket and for supervisors. */
    TicketView view(Ticket t) {
        return TicketView.of(
                t,
                Buyer.of(t, personalData, inClear(t)),
                settings.effective(t.shopId).businessHours(),
                Instant.now(clock));
    }

    /** The ticket with its reviews, contact log, the buyer's notes and history, the contact plan, escalations and compensations. */
    TicketDetail detail(Ticket t) {
        return new TicketDetail(
                view(t),
                TicketReview.ofTicket(t.id).stream().map(ReviewView::of).toList(),
                ContactAttempt.ofTicket(t.id).stream().map(ContactView::of).toList(),
                BuyerNote.ofBuyer(t.shopId, t.buyerId).stream()
                        .map(NoteView::of)
                        .toList(),
                inClear(t) ? contacts.planFor(t) : null,
                slas.of(t.id),
                compensations(t),
                buyerTickets(t),
                buyerHistory(t));
    }

    boolean inClear(Ticket t) {
        return caller.overseesShop()
                || caller.is(Roles.AGENT)
                        && caller.agentId()
                                .map(a -> Objects.equals(a, t.agentId))
                                .orElse(false);
    }

    /** The buyer's other tickets in the shop, open and past, newest first (at most {@value #BUYER_TICKETS}). */
    private static List<BuyerTicketView> buyerTickets(Ticket t) {
        return Ticket.<Ticket>find(
                        "shopId = ?1 and buyerId = ?2 and id <> ?3 order by openedAt desc, id",
                        t.shopId,
                        t.buyerId,
                        t.id)
                .range(0, BUYER_TICKETS - 1)
                .list()
                .stream()
                .map(BuyerTicketView::of)
                .toList();
    }

    static final int BUYER_TICKETS = 50;

    static final int HISTORY_LATEST = 5;

    /**
     * The buyer's earlier tickets in the shop in brief, whoever worked them: the agent reads them only
     * through this ticket, never one by one. One query on ticket_by_buyer; the window counts are taken
     * before the limit, so they cover every earlier ticket.
     */
    private BuyerHistory buyerHistory(Ticket t) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT e.id, e.opened_at, e.rating, e.status, e.outcome,
                               count(*) OVER () AS earlier,
                               count(*) FILTER (WHERE e.outcome = 'RECOVERED') OVER () AS recovered,
                               count(*) FILTER (WHERE e.outcome = 'UNRECOVERED') OVER () AS unrecovered,
                               sum(e.approved) OVER () AS approved
                        FROM (SELECT x.id, x.opened_at, x.rating, x.status, x.outcome,
                                     (SELECT count(*) FROM ticket_compensation c
                                      WHERE c.ticket_id = x.id AND c.status IN ('APPROVED', 'PAID')) AS approved
                              FROM ticket x
                              WHERE x.shop_id = ?1 AND x.buyer_id = ?2 AND x.id <> ?3 AND x.opened_at <= ?4) e
                        ORDER BY e.opened_at DESC, e.id
                        LIMIT ?5""")
                .setParameter(1, t.shopId)
                .setParameter(2, t.buyerId)
                .setParameter(3, t.id)
                .setParameter(4, t.openedAt)
                .setParameter(5, HISTORY_LATEST)
                .getResultList();
        if (rows.isEmpty()) {
            return new BuyerHistory(0, 0, 0, 0, List.of());
        }
        Object[] first = rows.get(0);
        return new BuyerHistory(
                ((Number) first[5]).longValue(),
                ((Number) first[6]).longValue(),
                ((Number) first[7]).longValue(),
                ((Number) first[8]).longValue(),
                rows.stream()
                        .map(r -> new EarlierTicket(
                                (UUID) r[0],
                                SqlValues.instant(r[1]),
                                Rating.valueOf((String) r[2]),
                                TicketStatus.valueOf((String) r[3]),
                                r[4] == null ? null : Outcome.valueOf((String) r[4])))
                        .toList());
    }

    private List<CompensationView> compensations(Ticket t) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT compensation_id, type, amount_fen, status, agent_id, paid_at FROM ticket_compensation
                        WHERE ticket_id = ?1 ORDER BY updated_at, compensation_id""").setParameter(1, t.id).getResultList();
        return rows.stream()
                .map(r -> new CompensationView(
                        (UUID) r[0],
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        (UUID) r[4],
                        SqlValues.instant(r[5])))
                .toList();
    }
}
