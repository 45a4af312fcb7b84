package shop.winback.loadgen.chaos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;
import shop.winback.loadgen.ReviewIds;

class CompensationDriverTests {

    @Test
    void keysAndBodiesArePureFunctionsOfTheIndex() throws Exception {
        CompensationDriver d = new CompensationDriver(
                null, URI.create("http://127.0.0.1:1"), "chaos-ab", new ReviewIds("chaos-ab"), null, 1);
        assertEquals("chaos-ab-C-0000012", CompensationDriver.key("chaos-ab", 12));
        assertArrayEquals(d.body(3), d.body(3)); // a retry sends the very same request
        JsonNode b = new ObjectMapper().readTree(d.body(3));
        assertEquals("chaos-ab-M-O-0000021", b.get("orderId").asText());
        assertEquals("COUPON", b.get("type").asText());
        assertEquals(800, b.get("amountFen").asLong());
    }
}
