package shop.winback.compensation;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import shop.winback.compensation.domain.Tier;
import shop.winback.compensation.service.AgentRegistry;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;

/** agent.hired.v1 events as ticket-service publishes them, on this test run's agents topic. */
public final class AgentEvents {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** shop/agent/tier already in the registry: registering again publishes nothing. */
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    private AgentEvents() {}

    public static String topic() {
        return ConfigProvider.getConfig().getValue("compensation.agents-topic", String.class);
    }

    /** The data of an agent.hired.v1 (ticket-service's asyncapi.yaml, with these facts). */
    public static String hired(String shop, UUID agentId, String tier, Instant hiredAt) {
        return """
                {"agentId":"%s","shopId":"%s","tier":"%s","hiredAt":"%s"}""".formatted(agentId, shop, tier, hiredAt);
    }

    public static void send(String key, String value, String ceId, String ceType) {
        KafkaTopics.publish(topic(), "/winback/ticket-service", key, value, ceId, ceType);
    }

    /** As ticket-service announces a hire; waits until the agent registry has the agent with this tier. */
    public static void register(String shop, UUID agentId, String tier) {
        if (!REGISTERED.add(shop + "/" + agentId + "/" + tier)) {
            return;
        }
        send(
                agentId.toString(),
                hired(shop, agentId, tier, TestClock.now()),
                UUID.randomUUID().toString(),
                "agent.hired.v1");
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> tierOf(shop, agentId)
                        .map(Tier::name)
                        .filter(tier::equals)
                        .isPresent());
    }

    public static Optional<Tier> tierOf(String shop, UUID agentId) {
        return Arc.container().instance(AgentRegistry.class).get().tierOf(shop, agentId);
    }
}
