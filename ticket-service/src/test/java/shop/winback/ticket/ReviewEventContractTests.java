package shop.winback.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import shop.winback.platform.messaging.EventReader;
import shop.winback.platform.messaging.IncomingEvent;
import shop.winback.testing.AsyncApiContract;
import shop.winback.testing.ConsumerContract;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.messaging.in.ReviewRevisedV1;

/**
 * ticket-service's copy of review.received.v1 against what review-service documents in its
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
    void ourCopyOfTheRevisionMatchesTheProducersSchema() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        assertThat(ConsumerContract.mismatches(producer, ReviewRevisedV1.TYPE, ReviewRevisedV1.class))
                .isEmpty();
        String example = producer.examplePayloadOf(ReviewRevisedV1.TYPE).toString();
        IncomingEvent event = new IncomingEvent("e-2", ReviewRevisedV1.TYPE, null, null, null, "k", example, "t", 0, 0);
        ReviewRevisedV1 revision = reader.read(event, ReviewRevisedV1.class);
        assertThat(revision.after().rating().isGood()).isTrue();
        assertThat(revision.textStillNegative()).isTrue();
    }

    @Test
    void theProducersDocumentedExampleIsReadable() throws Exception {
        AsyncApiContract producer = AsyncApiContract.of(PRODUCER_CONTRACT);
        String example = producer.examplePayloadOf(ReviewReceivedV1.TYPE).toString();
        IncomingEvent event =
                new IncomingEvent("e-1", ReviewReceivedV1.TYPE, null, null, null, "k", example, "t", 0, 0);
        ReviewReceivedV1 review = reader.read(event, ReviewReceivedV1.class);
        assertThat(review.rating().needsRecovery()).isTrue();
        assertThat(review.orderId()).isEqualTo("TB-O-88231907");
        assertThat(review.item().category()).isEqualTo("服装");
        assertThat(review.buyer().isVip()).isTrue();
    }
}
