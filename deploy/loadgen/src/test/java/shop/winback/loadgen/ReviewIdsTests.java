package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewIdsTests {

    private final ReviewIds ids = new ReviewIds("bench-00ff00");

    @Test
    void roundTripsBothPhasesAndIdKinds() {
        for (ReviewIds.Phase phase : ReviewIds.Phase.values()) {
            ReviewIds.Ref ref = new ReviewIds.Ref(phase, 4242);
            assertEquals(Optional.of(ref), ids.parse(ids.platformReviewId(phase, 4242)));
            assertEquals(Optional.of(ref), ids.parse(ids.orderId(phase, 4242)));
            assertEquals(Optional.of(ref), ids.parse(ids.orderLineId(phase, 4242)));
        }
    }

    @Test
    void warmupAndMeasuredIdsNeverCollide() {
        assertEquals(
                false,
                ids.platformReviewId(ReviewIds.Phase.WARMUP, 7)
                        .equals(ids.platformReviewId(ReviewIds.Phase.MEASURED, 7)));
    }

    @Test
    void ignoresOtherShopsAndGarbage() {
        assertEquals(Optional.empty(), ids.parse(null));
        assertEquals(Optional.empty(), ids.parse("R-000001"));
        assertEquals(Optional.empty(), ids.parse("bench-00ff01-M-R-0000001"));
        assertEquals(Optional.empty(), ids.parse("bench-00ff00-X-R-0000001"));
        assertEquals(Optional.empty(), ids.parse("bench-00ff00-M-R-"));
        assertEquals(Optional.empty(), ids.parse("bench-00ff00-M-R-12a"));
        assertEquals(Optional.empty(), ids.parse("bench-00ff00-M-Q-0000001"));
    }
}
