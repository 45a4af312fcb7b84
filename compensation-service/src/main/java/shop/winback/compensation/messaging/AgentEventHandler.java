package shop.winback.compensation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import shop.winback.compensation.config.CompensationConfig;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.messaging.in.AgentHiredV1;
import shop.winback.compensation.service.AgentRegistry;
import shop.winback.platform.messaging.EventRoutes;
import shop.winback.platform.messaging.UnprocessableEventException;

/** What compensation-service does with {@code agents.v1}: each hire goes into the agent registry. */
@ApplicationScoped
public class AgentEventHandler {

    /** The name this consumer's events are remembered under in the inbox. */
    static final String CONSUMER = "compensation-service/agents";

    private final AgentRegistry registry;
    private final EventRoutes routes;

    public AgentEventHandler(AgentRegistry registry, CompensationConfig config) {
        this.registry = registry;
        this.routes = EventRoutes.of(config.agentsDeadLetterTopic(), CONSUMER)
                .on(AgentHiredV1.TYPE, AgentHiredV1.class, this::hired);
    }

    EventRoutes routes() {
        return routes;
    }

    private void hired(List<EventRoutes.Received<AgentHiredV1>> events) {
        List<AgentRegistry.Hired> hired = new ArrayList<>(events.size());
        for (EventRoutes.Received<AgentHiredV1> event : events) {
            AgentHiredV1 agent = event.data();
            Tier tier;
            try {
                tier = Tier.valueOf(agent.tier());
            } catch (IllegalArgumentException e) {
                throw new UnprocessableEventException(
                        event.event().type() + " " + event.event().id() + " is invalid: tier " + agent.tier());
            }
            hired.add(new AgentRegistry.Hired(agent.shopId(), agent.agentId(), tier, agent.hiredAt()));
        }
        registry.record(hired);
    }
}
