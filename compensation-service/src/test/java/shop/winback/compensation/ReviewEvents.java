package shop.winback.compensation;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import shop.winback.compensation.service.OrderFacts;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;

/** review.received.v1 events as review-service publishes them, on this test run's reviews topic. */
public final class ReviewEvents {

    static final Duration WAIT = Duration.ofSeconds(20);

    private ReviewEvents() {}

    public static String topic() {
        return ConfigProvider.getConfig().getValue("compensation.reviews-topic", String.class);
    }

    /** The data of a review.received.v1 (review-service's asyncapi.yaml example, with these facts). */
    public static String received(
            String shop,
            String order,
            long amountFen,
            int items,
            String rating,
            String province,
            String city,
            boolean suspected) {
        String suspicion = "GOOD".equals(rating)
                ? "null"
                : suspected
                        ? "{\"suspected\":true,\"score\":0.9,\"reasons\":[\"7 bad reviews in 30 days\",\"asked for cash before\"]}"
                        : "{\"suspected\":false,\"score\":0.0,\"reasons\":[]}";
        return """
                {"reviewId":"%s","shopId":"%s","platformReviewId":"TB-R-%s","orderId":"%s","orderLineId":"%s-1",
                 "item":{"sku":"SKU-TS-WHITE-L","title":"纯棉T恤 白色 L","category":"服装"},
                 "buyer":{"id":"tb-buyer-5521","province":"%s","city":%s,"phoneMasked":"138****5678","phoneSealed":null,
                          "addressSealed":null,"vip":false},
                 "orderAmountFen":%d,"distinctItems":%d,"rating":"%s","dsr":{"description":2,"service":3,"shipping":4},
                 "text":"衣服有破洞，质量太差了","createdAt":"%s","receivedAt":"%s",
                 "complaintReasons":[{"reason":"QUALITY_DAMAGE","evidence":"破洞"}],"buyerSuspicion":%s}""".formatted(
                        UUID.randomUUID(),
                        shop,
                        UUID.randomUUID(),
                        order,
                        order,
                        province,
                        city == null ? "null" : "\"" + city + "\"",
                        amountFen,
                        items,
                        rating,
                        TestClock.now(),
                        TestClock.now(),
                        suspicion);
    }

    public static void send(String key, String value, String ceId, String ceType) {
        KafkaTopics.publish(topic(), "/winback/review-service", key, value, ceId, ceType);
    }

    /** Publishes a review of the order and waits until compensation-service has learned the order's facts. */
    public static void reviewed(
            String shop, String order, long amountFen, int items, String rating, String province, boolean suspected) {
        send(
                order,
                received(shop, order, amountFen, items, rating, province, "沈阳", suspected),
                UUID.randomUUID().toString(),
                "review.received.v1");
        await().atMost(WAIT).until(() -> known(shop, order));
    }

    public static boolean known(String shop, String order) {
        return Arc.container()
                .instance(OrderFacts.class)
                .get()
                .find(shop, order)
                .isPresent();
    }

    public static shop.winback.compensation.domain.OrderFact facts(String shop, String order) {
        return Arc.container()
                .instance(OrderFacts.class)
                .get()
                .find(shop, order)
                .orElse(null);
    }
}
