package shop.winback.review;

import java.util.UUID;

/** Review bodies for tests; every call gets fresh ids so tests never see each other's data. */
public final class Reviews {

    private Reviews() {
    }

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
    public static String json(String shopId, String platformReviewId, String orderId, String rating, String categoryJson, boolean vip) {
        String body = json(shopId, platformReviewId, orderId, rating)
                .replace("\"title\": \"纯棉T恤 白色 L\"}", "\"title\": \"纯棉T恤 白色 L\"" + (categoryJson == null ? "" : ", \"category\": " + categoryJson) + "}")
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
                  "createdAt": "2026-11-23T09:30:00+08:00"
                }""".formatted(shopId, platformReviewId, orderId, orderId, rating);
    }
}
