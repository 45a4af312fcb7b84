package shop.winback.ticket.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import shop.winback.platform.outbox.Outbox;
import shop.winback.ticket.config.TicketConfig;
import shop.winback.ticket.domain.Agent;

/**
 * The events of {@code agents.v1}, published through the outbox in the caller's transaction, keyed by
 * agent id. ticket-service owns the shop's agents; compensation-service keeps its agent registry (whose
 * tier decides an agent's spending authority) from these. Only what other services need to know: no
 * name, capacity, shift or skills.
 */
@ApplicationScoped
public class AgentEvents {

    private final Outbox outbox;
    private final TicketConfig config;

    public AgentEvents(Outbox outbox, TicketConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record AgentHiredV1(UUID agentId, String shopId, String tier, Instant hiredAt) {
        public static final String TYPE = "agent.hired.v1";
    }

    public void hired(Agent a) {
        outbox.publish(
                config.agentsTopic(),
                a.id.toString(),
                AgentHiredV1.TYPE,
                a.id.toString(),
                a.createdAt,
                new AgentHiredV1(a.id, a.shopId, a.tier.name(), a.createdAt));
    }
}
