package shop.winback.compensation.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.service.AgentRegistry;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.platform.messaging.UnprocessableEventException;

/** Handles the events of {@code agents.v1}: each hire goes into the agent registry; a type nobody handles is unprocessable. */
@ApplicationScoped
public class AgentEventHandler {

    private final AgentRegistry registry;
    private final EventReader reader;

    public AgentEventHandler(AgentRegistry registry, EventReader reader) {
        this.registry = registry;
        this.reader = reader;
    }

    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /** Handles the events in one transaction (one batch of upserts); throws if any of them cannot be handled. */
    public void handleAll(List<IncomingEvent> events) {
        List<AgentRegistry.Hired> hired = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            if (!AgentHiredV1.TYPE.equals(event.type())) {
                throw new UnprocessableEventException("no handler for event type " + event.type());
            }
            AgentHiredV1 agent = reader.read(event, AgentHiredV1.class);
            Tier tier;
            try {
                tier = Tier.valueOf(agent.tier());
            } catch (IllegalArgumentException e) {
                throw new UnprocessableEventException(
                        event.type() + " " + event.id() + " is invalid: tier " + agent.tier());
            }
            hired.add(new AgentRegistry.Hired(event.id(), agent.shopId(), agent.agentId(), tier, agent.hiredAt()));
        }
        registry.record(hired);
    }
}
