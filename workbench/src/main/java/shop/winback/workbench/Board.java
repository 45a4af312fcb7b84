package shop.winback.workbench;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import shop.winback.workbench.Upstream.Service;
import shop.winback.workbench.Views.Agent;
import shop.winback.workbench.Views.CompensationPage;
import shop.winback.workbench.Views.CompensationView;
import shop.winback.workbench.Views.Escalation;
import shop.winback.workbench.Views.Ticket;
import shop.winback.workbench.Views.TicketExtras;
import shop.winback.workbench.Views.TicketPage;

/**
 * What the supervisor's page shows, read from the services as the user when a section asks for it (a section
 * refreshed alone costs only its own calls). One request's worth: made per page or per section drawn.
 */
@TemplateData
public class Board {

    /** The tiers in the order of their authority, for the queue's groups. */
    static final List<String> TIERS =
            List.of("PRE_SALES", "IN_SALES", "AFTER_SALES", "REVIEW_RECOVERY", "SUPERVISOR", "MANAGER");
    /** The breached tickets whose escalations are read one by one: a page, not a report. */
    static final int ESCALATIONS_READ = 20;

    @TemplateData
    public record TierQueue(String tier, List<Ticket> tickets) {}

    @TemplateData
    public record Row(Ticket ticket, String agentName, List<Escalation> escalations, List<Agent> movableTo) {}

    @TemplateData
    public record Approval(CompensationView compensation, String requester) {}

    private final Upstream upstream;
    private final User user;
    private List<Agent> agents;
    private List<Ticket> waiting;
    private List<Ticket> assigned;
    private List<Approval> approvals;
    private String approvalsError;

    Board(Upstream upstream, User user) {
        this.upstream = upstream;
        this.user = user;
    }

    /** The shop's agents, by tier then name. */
    public List<Agent> agents() {
        if (agents == null) {
            agents = Stream.of(upstream.get(Service.TICKET, "/api/v1/agents", user, Agent[].class))
                    .sorted(Comparator.comparing((Agent a) -> TIERS.indexOf(a.tier()))
                            .thenComparing(Agent::name))
                    .toList();
        }
        return agents;
    }

    /** The waiting tickets grouped by the tier they need, most urgent first in each. */
    public List<TierQueue> queue() {
        Map<String, List<Ticket>> byTier = waiting().stream()
                .collect(Collectors.groupingBy(t -> Objects.requireNonNullElse(t.requiredTier(), "REVIEW_RECOVERY")));
        List<TierQueue> groups = new ArrayList<>();
        for (String tier : TIERS) {
            List<Ticket> tickets = byTier.getOrDefault(tier, List.of());
            if (!tickets.isEmpty()) {
                groups.add(new TierQueue(tier, tickets));
            }
        }
        return groups;
    }

    public int waitingCount() {
        return waiting().size();
    }

    /** The assigned tickets with their agent's name, most urgent first. */
    public List<Row> assigned() {
        return assignedTickets().stream()
                .map(t -> new Row(t, agentName(t.agentId()), List.of(), others(t.agentId())))
                .toList();
    }

    /** Open tickets with a breached service level still running, with their escalations (most urgent first). */
    public List<Row> breached() {
        List<Ticket> breached = Stream.concat(waiting().stream(), assignedTickets().stream())
                .filter(t -> t.breachedName() != null)
                .sorted(Comparator.comparingLong(Ticket::secondsLeft))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < breached.size(); i++) {
            Ticket t = breached.get(i);
            rows.add(new Row(
                    t, agentName(t.agentId()), i < ESCALATIONS_READ ? escalations(t.id()) : List.of(), List.of()));
        }
        return rows;
    }

    /** The compensations waiting for a supervisor's or manager's approval, oldest first. */
    public List<Approval> approvals() {
        if (approvals == null) {
            try {
                List<CompensationView> pending = new ArrayList<>(upstream.get(
                                Service.COMPENSATION,
                                "/api/v1/compensations?status=PENDING&size=100",
                                user,
                                CompensationPage.class)
                        .items());
                pending.sort(Comparator.comparing(CompensationView::createdAt));
                approvals = pending.stream()
                        .map(c -> new Approval(c, requester(c.agentId())))
                        .toList();
            } catch (UpstreamProblem e) {
                if (e.status == 401) {
                    throw e;
                }
                approvals = List.of();
                approvalsError = e.message();
            }
        }
        return approvals;
    }

    /** compensation-service's refusal to list the approvals, in its own words; null when it answered. */
    public String approvalsError() {
        approvals();
        return approvalsError;
    }

    /** The agents a ticket may be moved to: all but its own (ticket-service says no, in its words, to the rest). */
    private List<Agent> others(UUID agentId) {
        return agents().stream().filter(a -> !a.id().equals(agentId)).toList();
    }

    private List<Ticket> waiting() {
        if (waiting == null) {
            waiting = tickets("WAITING");
        }
        return waiting;
    }

    private List<Ticket> assignedTickets() {
        if (assigned == null) {
            assigned = tickets("ASSIGNED");
        }
        return assigned;
    }

    private List<Ticket> tickets(String status) {
        return upstream
                .get(Service.TICKET, "/api/v1/tickets?status=" + status + "&size=200", user, TicketPage.class)
                .items()
                .stream()
                .sorted(Comparator.comparingLong(Ticket::secondsLeft).thenComparing(Ticket::openedAt))
                .toList();
    }

    private List<Escalation> escalations(UUID ticketId) {
        try {
            TicketExtras extras = upstream.get(Service.TICKET, "/api/v1/tickets/" + ticketId, user, TicketExtras.class);
            return extras.escalations() == null ? List.of() : extras.escalations();
        } catch (UpstreamProblem e) {
            if (e.status == 401) {
                throw e;
            }
            return List.of(); // closed or moved meanwhile: the next refresh shows it as it is
        }
    }

    private String agentName(UUID agentId) {
        if (agentId == null) {
            return null;
        }
        return byId().getOrDefault(agentId.toString(), agentId.toString());
    }

    /** A compensation's requester: an agent's id, or the principal of a supervisor or manager. */
    private String requester(String agentId) {
        return agentId == null ? "" : byId().getOrDefault(agentId, agentId);
    }

    private Map<String, String> byId() {
        return agents().stream().collect(Collectors.toMap(a -> a.id().toString(), Agent::name, (a, b) -> a));
    }
}
