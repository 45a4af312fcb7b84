package shop.winback.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.messaging.in.LostParcelClaimedV1;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.ConsumerContract;

/**
 * compensation-service's copy of lost-parcel.claimed.v1 against what logistics-service documents
 * in its AsyncAPI file (read from the producer's module in this repository), so the copies cannot drift.
 */
@QuarkusTest
class LogisticsEventContractTests {

    static final Path PRODUCER_CONTRACT =
            Path.of("../logistics-service/src/main/resources/META-INF/resources/asyncapi.yaml");

    @Inject
    EventReader reader;

    @Test
    void everyFieldWeReadIsDocumentedAndEveryFieldWeRequireIsAlwaysSent() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        assertThat(ConsumerContract.mismatches(producer, LostParcelClaimedV1.TYPE, LostParcelClaimedV1.class))
                .isEmpty();
    }

    @Test
    void theProducersDocumentedExampleIsReadable() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        String example = producer.examplePayloadOf(LostParcelClaimedV1.TYPE).toString();
        IncomingEvent event =
                new IncomingEvent("e-1", LostParcelClaimedV1.TYPE, null, null, null, "k", example, "t", 0, 0);
        LostParcelClaimedV1 claim = reader.read(event, LostParcelClaimedV1.class);
        assertThat(claim.amountFen()).isPositive();
        assertThat(claim.claimId()).isNotNull();
    }
}
