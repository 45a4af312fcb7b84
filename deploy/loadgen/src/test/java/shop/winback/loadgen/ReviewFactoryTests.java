package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReviewFactoryTests {

    private static int[] count(int n, double share) {
        int[] byRating = new int[3];
        for (int i = 0; i < n; i++) {
            byRating[ReviewFactory.rating(i, share).ordinal()]++;
        }
        return byRating;
    }

    @Test
    void negativeShareIsExactAndSplitSeventyThirty() {
        int[] c = count(60_000, 0.10);
        assertEquals(6_000, c[ReviewFactory.Rating.BAD.ordinal()] + c[ReviewFactory.Rating.NEUTRAL.ordinal()]);
        assertEquals(4_200, c[ReviewFactory.Rating.BAD.ordinal()]);
        assertEquals(1_800, c[ReviewFactory.Rating.NEUTRAL.ordinal()]);
    }

    @Test
    void negativesAreSpreadNotBunched() {
        // any window of 100 consecutive reviews holds exactly 10 negatives at 10%
        for (int start = 0; start < 5_000; start += 37) {
            int negatives = 0;
            for (int i = start; i < start + 100; i++) {
                negatives += ReviewFactory.isNegative(ReviewFactory.rating(i, 0.10)) ? 1 : 0;
            }
            assertEquals(10, negatives, "window at " + start);
        }
    }

    @Test
    void edgeShares() {
        assertEquals(1_000, count(1_000, 0.0)[ReviewFactory.Rating.GOOD.ordinal()]);
        assertEquals(0, count(1_000, 1.0)[ReviewFactory.Rating.GOOD.ordinal()]);
        int[] c = count(1_000, 0.125);
        assertEquals(125, c[ReviewFactory.Rating.BAD.ordinal()] + c[ReviewFactory.Rating.NEUTRAL.ordinal()]);
    }

    @Test
    void bodyMatchesTheReviewContract() throws Exception {
        ReviewIds ids = new ReviewIds("bench-1a2b3c");
        ReviewFactory factory = new ReviewFactory(ids, 0.10);
        JsonNode body = new ObjectMapper().readTree(factory.body(ReviewIds.Phase.MEASURED, 9));
        assertEquals("bench-1a2b3c", body.get("shopId").asText());
        assertEquals("bench-1a2b3c-M-R-0000009", body.get("platformReviewId").asText());
        assertEquals("bench-1a2b3c-M-O-0000009", body.get("orderId").asText());
        assertEquals("bench-1a2b3c-M-O-0000009-1", body.get("orderLineId").asText());
        assertEquals("BAD", body.get("rating").asText()); // review 9 is the first negative at 10%
        assertTrue(body.get("item").hasNonNull("sku"));
        assertTrue(body.get("item").hasNonNull("title"));
        assertTrue(body.get("buyer").hasNonNull("id"));
        assertTrue(body.get("buyer").hasNonNull("province"));
        assertTrue(body.get("buyer").hasNonNull("city"));
        assertTrue(body.get("orderAmountFen").isIntegralNumber());
        assertTrue(body.get("distinctItems").isInt());
        assertTrue(body.get("dsr").get("description").isInt());
        assertTrue(body.get("dsr").get("service").isInt());
        assertTrue(body.get("dsr").get("shipping").isInt());
        assertTrue(body.get("text").asText().length() > 0);
        assertTrue(
                body.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"),
                body.get("createdAt").asText());
        assertEquals(12, body.size(), "no fields beyond the contract");
    }
}
