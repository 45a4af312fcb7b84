package shop.winback.ticket.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import shop.winback.platform.privacy.PersonalData;
import shop.winback.platform.problem.NotFoundProblem;
import shop.winback.platform.security.Caller;
import shop.winback.platform.security.Roles;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.rest.TicketViews.Buyer;
import shop.winback.ticket.rest.TicketViews.TicketView;

/**
 * Which tickets the caller may see and how much of the buyer: all of the shop's for supervisors,
 * managers and reporting; an agent only the tickets assigned to them. Anything else is not found.
 */
@RequestScoped
public class TicketAccess {

    private final Caller caller;
    private final PersonalData personalData;

    public TicketAccess(Caller caller, PersonalData personalData) {
        this.caller = caller;
        this.personalData = personalData;
    }

    /** For agents, their own id: every list they see is filtered by it. */
    Optional<UUID> onlyAgent() {
        return caller.seesOnlyOwnWork() ? Optional.of(caller.requireAgentId()) : Optional.empty();
    }

    Ticket visible(UUID id) {
        Optional<UUID> onlyAgent = onlyAgent();
        return Ticket.<Ticket>find("id = ?1 and shopId = ?2", id, caller.shopId()).firstResultOptional()
                .filter(t -> onlyAgent.isEmpty() || onlyAgent.get().equals(t.agentId))
                .orElseThrow(() -> new NotFoundProblem("Ticket", id));
    }

    /** The buyer's phone and address in clear for the agent working the ticket and for supervisors. */
    TicketView view(Ticket t) {
        boolean inClear = caller.overseesShop()
                || caller.is(Roles.AGENT) && caller.agentId().map(a -> Objects.equals(a, t.agentId)).orElse(false);
        return TicketView.of(t, Buyer.of(t, personalData, inClear));
    }
}
