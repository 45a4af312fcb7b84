package shop.winback.platform.kafka;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the service's topics at startup, so partition counts are the service's decision rather
 * than the broker's default, and the first event does not wait for auto-creation. Never fails
 * startup: if the broker is away, readiness says so and the producer creates what it needs later.
 */
@ApplicationScoped
public class TopicProvisioner {

    private final TopicConfig config;
    private final String bootstrapServers;

    public TopicProvisioner(
            TopicConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void provision(@Observes @Priority(1) StartupEvent ignored) {
        List<String> topics = config.topics().orElse(List.of());
        if (!config.createTopics() || topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .distinct()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, config.partitions(), config.replicationFactor()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // another instance was quicker: fine
                    throw e;
                }
            }
            Log.infof(
                    "Created topics %s with %d partitions",
                    missing.stream().map(NewTopic::name).toList(), config.partitions());
        } catch (Exception e) {
            Log.warnf("Could not check or create topics %s: %s", topics, e.toString());
        }
    }
}
