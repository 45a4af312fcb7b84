package shop.winback.review;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import shop.winback.testing.TestClock;

/** Review bodies for tests; every call gets fresh ids so tests never see each other's data. */
public final class Reviews {

    /**
     * When the template's review was written: a day before now on the clock under test (when this
     * test JVM first used it), whole seconds. Recent enough for every window the service counts
     * (72 h for product problems, 90 days for suspicion), early enough for revisions after it.
     */
    public static final Instant CREATED_AT = TestClock.daysAgo(1).truncatedTo(ChronoUnit.SECONDS);
    /** {@link #CREATED_AT} as the order system writes it, in China's offset. */
    public static final String CREATED_AT_TEXT = TestClock.china(CREATED_AT);

    private Reviews() {}

    public static String uniqueShop() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /**
     * A review body with the optional routing facts: {@code item.category} (a JSON string literal,
     * escapes and all, or null to leave it out) and {@code buyer.vip}.
     */
    public static String json(
            String shopId, String platformReviewId, String orderId, String rating, String categoryJson, boolean vip) {
        String body = json(shopId, platformReviewId, orderId, rating)
                .replace(
                        "\"title\": \"纯棉T恤 白色 L\"}",
                        "\"title\": \"纯棉T恤 白色 L\"" + (categoryJson == null ? "" : ", \"category\": " + categoryJson)
                                + "}")
                .replace("\"city\": \"沈阳\"}", "\"city\": \"沈阳\", \"vip\": " + vip + "}");
        if (!body.contains("\"vip\": ") || categoryJson != null && !body.contains("\"category\": ")) {
            throw new IllegalStateException("the review template changed: category and vip were not added");
        }
        return body;
    }

    public static String json(String shopId, String platformReviewId, String orderId, String rating) {
        return """
                {
                  "shopId": "%s",
                  "platformReviewId": "%s",
                  "orderId": "%s",
                  "orderLineId": "%s-1",
                  "item": {"sku": "SKU-TS-WHITE-L", "title": "纯棉T恤 白色 L"},
                  "buyer": {"id": "tb-buyer-5521", "province": "辽宁", "city": "沈阳"},
                  "orderAmountFen": 12900,
                  "distinctItems": 2,
                  "rating": "%s",
                  "dsr": {"description": 2, "service": 3, "shipping": 4},
                  "text": "衣服有破洞，质量太差了",
                  "createdAt": "%s"
                }""".formatted(shopId, platformReviewId, orderId, orderId, rating, CREATED_AT_TEXT);
    }
}
