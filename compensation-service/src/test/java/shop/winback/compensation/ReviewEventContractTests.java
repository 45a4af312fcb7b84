package shop.winback.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import shop.winback.compensation.messaging.in.ReviewReceivedV1;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.ConsumerContract;

/**
 * compensation-service's copy of review.received.v1 against what review-service documents in its
 * AsyncAPI file (read from the producer's module in this repository), so the copies cannot drift.
 */
@QuarkusTest
class ReviewEventContractTests {

    static final Path PRODUCER_CONTRACT =
            Path.of("../review-service/src/main/resources/META-INF/resources/asyncapi.yaml");

    @Inject
    EventReader reader;

    @Test
    void everyFieldWeReadIsDocumentedAndEveryFieldWeRequireIsAlwaysSent() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        assertThat(ConsumerContract.mismatches(producer, ReviewReceivedV1.TYPE, ReviewReceivedV1.class))
                .isEmpty();
    }

    @Test
    void theProducersDocumentedExampleIsReadable() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        String example = producer.examplePayloadOf(ReviewReceivedV1.TYPE).toString();
        IncomingEvent event =
                new IncomingEvent("e-1", ReviewReceivedV1.TYPE, null, null, null, "k", example, "t", 0, 0);
        ReviewReceivedV1 review = reader.read(event, ReviewReceivedV1.class);
        assertThat(review.orderAmountFen()).isEqualTo(12900);
        assertThat(review.distinctItems()).isEqualTo(2);
        assertThat(review.rating()).isEqualTo("BAD");
        assertThat(review.buyer().province()).isEqualTo("辽宁");
        assertThat(review.suspectedProfessional()).isFalse();
    }
}
