package shop.winback.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobConfigTests {

    @Test
    void theDefaultsAreThePlatformsAndTheLocalStacksBroker() {
        JobConfig c = JobConfig.from(new String[0], Map.of());

        assertEquals("127.0.0.1:9092", c.bootstrapServers());
        assertEquals(ZoneId.of("Asia/Shanghai"), c.shops().zone("any-shop"));
        assertEquals(3000L, c.shops().buyerValueFen().forShop("any-shop"));
        assertEquals(0L, c.shops().avoidedBadReviewCostFen().forShop("any-shop"));
        assertEquals(Topics.defaults(), c.topics());
        assertEquals("exactly_once_v2", c.processingGuarantee());
    }

    @Test
    void perShopSettingsOverrideTheDefaultAndArgumentsOverrideTheEnvironment() {
        JobConfig c = JobConfig.from(
                new String[] {"--zones", "Asia/Shanghai,shop-eu=Europe/Berlin", "--print"},
                Map.of(
                        "REPORTING_BUYER_VALUE_FEN",
                        "2500,shop-vip=8000",
                        "REPORTING_ZONES",
                        "UTC",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "kafka.shop.example:9092"));

        assertEquals(ZoneId.of("Europe/Berlin"), c.shops().zone("shop-eu"));
        assertEquals(ZoneId.of("Asia/Shanghai"), c.shops().zone("shop-cn"));
        assertEquals(8000L, c.shops().buyerValueFen().forShop("shop-vip"));
        assertEquals(2500L, c.shops().buyerValueFen().forShop("shop-cn"));
        assertEquals("kafka.shop.example:9092", c.bootstrapServers());
        assertTrue(c.print());
    }

    @Test
    void aBadOptionOrValueIsNamed() {
        var unknown = assertThrows(
                IllegalArgumentException.class, () -> JobConfig.from(new String[] {"--zone", "UTC"}, Map.of()));
        assertTrue(unknown.getMessage().contains("--zone"), unknown.getMessage());
        var zone = assertThrows(
                IllegalArgumentException.class,
                () -> JobConfig.from(new String[] {"--zones", "shop-x=Mars/Olympus"}, Map.of()));
        assertTrue(zone.getMessage().contains("shop-x=Mars/Olympus"), zone.getMessage());
        var fen = assertThrows(
                IllegalArgumentException.class,
                () -> JobConfig.from(new String[0], Map.of("REPORTING_BUYER_VALUE_FEN", "-1")));
        assertTrue(fen.getMessage().contains("--buyer-value-fen"), fen.getMessage());
    }
}
