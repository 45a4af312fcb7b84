package shop.winback.review;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import shop.winback.testing.TestTokens;

/** Seeds a shop's reviews and revisions through the public API, as the order system would. */
final class ReviewSeed {

    private final String shop;

    ReviewSeed(String shop) {
        this.shop = shop;
    }

    /** Captures a review; the buyer has no phone. @return its id */
    String review(String platformId, String sku, String buyer, String rating, String text, String createdAt) {
        return review(platformId, sku, buyer, null, rating, text, createdAt);
    }

    String review(
            String platformId, String sku, String buyer, String phone, String rating, String text, String createdAt) {
        String phoneField = phone == null ? "" : ", \"phone\": \"" + phone + "\"";
        String body = """
                {
                  "shopId": "%s",
                  "platformReviewId": "%s",
                  "orderId": "O-%s",
                  "item": {"sku": "%s", "title": "标题 %s"},
                  "buyer": {"id": "%s", "province": "辽宁", "city": "沈阳"%s},
                  "orderAmountFen": 12900,
                  "distinctItems": 1,
                  "rating": "%s",
                  "dsr": {"description": 3, "service": 3, "shipping": 3},
                  "text": "%s",
                  "createdAt": "%s"
                }""".formatted(shop, platformId, platformId, sku, sku, buyer, phoneField, rating, text, createdAt);
        return given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Records a buyer's revision; text null leaves the text as it was. */
    void revise(String platformId, String rating, String text, String revisedAt) {
        String textField = text == null ? "" : "\"text\": \"" + text + "\", ";
        String body = "{\"shopId\": \"%s\", \"platformReviewId\": \"%s\", \"rating\": \"%s\", %s\"revisedAt\": \"%s\"}"
                .formatted(shop, platformId, rating, textField, revisedAt);
        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/reviews/revisions")
                .then()
                .statusCode(201);
    }
}
