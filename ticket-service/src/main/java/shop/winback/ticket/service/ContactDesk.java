package shop.winback.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import shop.winback.platform.jdbc.TransactionLocks;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.platform.problem.ConflictProblem;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.ticket.domain.BuyerNote;
import shop.winback.ticket.domain.BuyerPresence;
import shop.winback.ticket.domain.ContactAttempt;
import shop.winback.ticket.domain.ContactChannel;
import shop.winback.ticket.domain.ContactOutcome;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketStatus;
import shop.winback.ticket.messaging.out.TicketEvents;
import shop.winback.ticket.settings.TicketSettings;
import shop.winback.ticket.settings.TicketSettingsStore;
import shop.winback.ticket.stats.EconomicsLedger;

/** The contact log, buyer notes, the buyer's presence and the "call now" nudge. */
@ApplicationScoped
public class ContactDesk {

    private final EconomicsLedger ledger;
    private final Dispatcher dispatcher;
    private final TicketEvents events;
    private final TicketSettingsStore settings;
    private final PersonalData personalData;
    private final EntityManager em;
    private final TransactionLocks locks;
    private final Clock clock;

    public ContactDesk(
            Dispatcher dispatcher,
            TicketEvents events,
            TicketSettingsStore settings,
            PersonalData personalData,
            EconomicsLedger ledger,
            EntityManager em,
            TransactionLocks locks,
            Clock clock) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.events = events;
        this.settings = settings;
        this.personalData = personalData;
        this.em = em;
        this.locks = locks;
        this.clock = clock;
    }

    public record Attempt(ContactChannel channel, ContactOutcome outcome, String note, String buyerNote) {}

    /**
     * Logs an attempt by the agent. The first one stops the first-contact SLA; a phone call beyond
     * the buyer's daily cap is refused and nothing is written.
     */
    @Transactional
    public ContactAttempt log(UUID ticketId, UUID agentId, Attempt attempt) {
        Ticket ticket =
                Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> new NotFoundProblem("Ticket", ticketId));
        dispatcher.lockShop(ticket.shopId); // ticket rows change only under the shop's lock
        em.refresh(ticket);
        if (!ticket.isOpen()) {
            throw new ConflictProblem(
                    "ticket-closed",
                    "Ticket already resolved",
                    "Ticket " + ticketId + " was resolved as " + ticket.outcome);
        }
        TicketSettings shop = settings.effective(ticket.shopId);
        Instant now = Instant.now(clock);
        LocalDate today = now.atZone(shop.zone()).toLocalDate();
        if (attempt.channel() == ContactChannel.PHONE
                && ContactAttempt.callsOn(ticket.shopId, ticket.buyerId, today) >= shop.callsPerBuyerPerDay()) {
            throw new ConflictProblem(
                    "call-limit-reached",
                    "Call limit reached",
                    "The buyer was called " + shop.callsPerBuyerPerDay() + " times today (" + today
                            + "); try IM, or call tomorrow");
        }
        ContactAttempt a = new ContactAttempt();
        a.id = UUID.randomUUID();
        a.shopId = ticket.shopId;
        a.ticketId = ticket.id;
        a.buyerId = ticket.buyerId;
        a.agentId = agentId;
        a.channel = attempt.channel();
        a.outcome = attempt.outcome();
        a.note = attempt.note();
        a.attemptedAt = now;
        a.localDate = today;
        a.persist();
        boolean first = ticket.firstContactAt == null;
        if (first) {
            ticket.firstContactAt = now;
            ledger.firstContact(ticket, agentId, now);
        }
        ticket.lastTouchedAt = now;
        if (attempt.buyerNote() != null) {
            note(ticket.shopId, ticket.buyerId, ticket.id, agentId, attempt.buyerNote(), now);
        }
        events.contactLogged(ticket, a.id, agentId, a.channel.name(), a.outcome.name(), first, now);
        return a;
    }

    @Transactional
    public BuyerNote addNote(String shopId, String buyerId, UUID agentId, String text) {
        return note(shopId, buyerId, null, agentId, text, Instant.now(clock));
    }

    private static BuyerNote note(String shopId, String buyerId, UUID ticketId, UUID agentId, String text, Instant at) {
        BuyerNote n = new BuyerNote();
        n.id = UUID.randomUUID();
        n.shopId = shopId;
        n.buyerId = buyerId;
        n.ticketId = ticketId;
        n.agentId = agentId;
        n.note = text;
        n.createdAt = at;
        n.persist();
        return n;
    }

    /**
     * The order system reports the buyer's presence. Coming online nudges the agent of each of the
     * buyer's assigned tickets to call now, while calls are left today.
     *
     * @return the tickets whose agents were nudged
     */
    @Transactional
    public List<Ticket> presence(String shopId, String buyerId, boolean online) {
        lockBuyer(shopId, buyerId); // one presence change of a buyer at a time: one nudge per coming online
        Instant now = Instant.now(clock);
        BuyerPresence p = BuyerPresence.of(shopId, buyerId);
        boolean cameOnline = online && (p == null || !p.online);
        if (p == null) {
            p = new BuyerPresence();
            p.key = new BuyerPresence.Key(shopId, buyerId);
            p.changedAt = now;
            p.online = online;
            p.persist();
        } else if (p.online != online) {
            p.changedAt = now;
            p.online = online;
        }
        if (online) {
            p.lastSeenOnlineAt = now;
        }
        if (!cameOnline) {
            return List.of();
        }
        TicketSettings shop = settings.effective(shopId);
        long left = shop.callsPerBuyerPerDay()
                - ContactAttempt.callsOn(
                        shopId, buyerId, now.atZone(shop.zone()).toLocalDate());
        if (left <= 0) {
            return List.of();
        }
        List<Ticket> assigned =
                Ticket.list("shopId = ?1 and buyerId = ?2 and status = ?3", shopId, buyerId, TicketStatus.ASSIGNED);
        assigned.forEach(t -> events.callNow(t, (int) left, now));
        return assigned;
    }

    private void lockBuyer(String shopId, String buyerId) {
        locks.lock("buyer:" + shopId + ":" + buyerId);
    }

    /** The plan for reaching the ticket's buyer now. */
    @Transactional
    public ContactPlan planFor(Ticket ticket) {
        TicketSettings shop = settings.effective(ticket.shopId);
        Instant now = Instant.now(clock);
        BuyerPresence p = BuyerPresence.of(ticket.shopId, ticket.buyerId);
        long calls = ContactAttempt.callsOn(
                ticket.shopId, ticket.buyerId, now.atZone(shop.zone()).toLocalDate());
        String address = ticket.buyerAddressSealed == null ? null : personalData.open(ticket.buyerAddressSealed);
        return ContactPlan.of(
                p != null && p.online,
                p == null ? null : p.lastSeenOnlineAt,
                address,
                calls,
                shop.callsPerBuyerPerDay(),
                shop.zone(),
                now);
    }
}
