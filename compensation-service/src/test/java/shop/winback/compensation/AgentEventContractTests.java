package shop.winback.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.messaging.in.AgentHiredV1;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.ConsumerContract;

/**
 * compensation-service's copy of agent.hired.v1 against what ticket-service documents in its AsyncAPI
 * file (read from the producer's module in this repository), so the copies cannot drift.
 */
@QuarkusTest
class AgentEventContractTests {

    static final Path PRODUCER_CONTRACT =
            Path.of("../ticket-service/src/main/resources/META-INF/resources/asyncapi.yaml");

    @Inject
    EventReader reader;

    @Test
    void everyFieldWeReadIsDocumentedAndEveryFieldWeRequireIsAlwaysSent() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        assertThat(ConsumerContract.mismatches(producer, AgentHiredV1.TYPE, AgentHiredV1.class))
                .isEmpty();
    }

    @Test
    void theProducersDocumentedExampleIsReadableAndItsTiersAreOurs() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        String example = producer.examplePayloadOf(AgentHiredV1.TYPE).toString();
        IncomingEvent event = new IncomingEvent("e-1", AgentHiredV1.TYPE, null, null, null, "k", example, "t", 0, 0);
        AgentHiredV1 hired = reader.read(event, AgentHiredV1.class);
        assertThat(hired.agentId()).isEqualTo(UUID.fromString("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"));
        assertThat(hired.shopId()).isEqualTo("demo-shop");
        assertThat(hired.tier()).isEqualTo("REVIEW_RECOVERY");
        assertThat(hired.hiredAt()).isNotNull();
        producer.payloadSchemaOf(AgentHiredV1.TYPE)
                .path("properties")
                .path("tier")
                .path("enum")
                .forEach(tier -> assertThat(shop.winback.compensation.domain.Tier.valueOf(tier.asText()))
                        .isNotNull());
        // and what this service documents it reads agrees with the producer
        assertThat(AsyncApiContract.ofClasspath()
                        .violations(AgentHiredV1.TYPE, producer.examplePayloadOf(AgentHiredV1.TYPE)))
                .isEmpty();
    }
}
