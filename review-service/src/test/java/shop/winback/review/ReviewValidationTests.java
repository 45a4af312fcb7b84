package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shop.winback.review.config.ReviewConfig;
import shop.winback.testing.Published;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** Bad input: a 400 problem+json naming the field, and nothing stored or published. */
@QuarkusTest
class ReviewValidationTests {

    @Inject
    EntityManager em;

    @Inject
    ReviewConfig config;

    static final String TITLE = "\"title\": \"纯棉T恤 白色 L\"";
    static final String CREATED_AT = "\"createdAt\": \"%CREATED_AT%\"";

    static Stream<Arguments> invalidReviews() {
        return Stream.of(
                Arguments.of(
                        "rating TERRIBLE",
                        "\"rating\": \"BAD\"",
                        "\"rating\": \"TERRIBLE\"",
                        "rating",
                        "must be one of GOOD, NEUTRAL, BAD"),
                Arguments.of(
                        "DSR 7",
                        "\"description\": 2",
                        "\"description\": 7",
                        "dsr.description",
                        "must be less than or equal to 5"),
                Arguments.of(
                        "DSR 0",
                        "\"shipping\": 4",
                        "\"shipping\": 0",
                        "dsr.shipping",
                        "must be greater than or equal to 1"),
                Arguments.of(
                        "negative amount",
                        "\"orderAmountFen\": 12900",
                        "\"orderAmountFen\": -1",
                        "orderAmountFen",
                        "must be greater than or equal to 0"),
                Arguments.of(
                        "amount not a number",
                        "\"orderAmountFen\": 12900",
                        "\"orderAmountFen\": \"lots\"",
                        "orderAmountFen",
                        "must be a whole number"),
                Arguments.of("missing order id", "\"orderId\": \"%ORDER%\",", "", "orderId", "must not be blank"),
                Arguments.of(
                        "missing buyer",
                        "\"buyer\": {\"id\": \"tb-buyer-5521\", \"province\": \"辽宁\", \"city\": \"沈阳\"},",
                        "",
                        "buyer",
                        "must not be null"),
                Arguments.of(
                        "blank sku", "\"sku\": \"SKU-TS-WHITE-L\"", "\"sku\": \" \"", "item.sku", "must not be blank"),
                Arguments.of(
                        "zero distinct items",
                        "\"distinctItems\": 2",
                        "\"distinctItems\": 0",
                        "distinctItems",
                        "must be greater than or equal to 1"),
                Arguments.of(
                        "text too long",
                        "\"text\": \"衣服有破洞，质量太差了\"",
                        "\"text\": \"" + "差".repeat(2001) + "\"",
                        "text",
                        "size must be between 0 and 2000"),
                Arguments.of(
                        "date without offset",
                        CREATED_AT,
                        "\"createdAt\": \"yesterday\"",
                        "createdAt",
                        "must be an ISO-8601 date-time"),
                Arguments.of(
                        "review from the future",
                        CREATED_AT,
                        "\"createdAt\": \"" + TestClock.china(TestClock.now().plus(Duration.ofHours(1))) + "\"",
                        "createdAt",
                        "must not be in the future"),
                Arguments.of(
                        "shop id with spaces",
                        "\"shopId\": \"%SHOP%\"",
                        "\"shopId\": \"my shop\"",
                        "shopId",
                        "must be letters, digits"),
                Arguments.of(
                        "category of 41 characters",
                        TITLE,
                        TITLE + ", \"category\": \"" + "服".repeat(41) + "\"",
                        "item.category",
                        "size must be between 0 and 40"),
                Arguments.of(
                        "category with a control character",
                        TITLE,
                        TITLE + ", \"category\": \"服\\u0007装\"",
                        "item.category",
                        "must not contain control characters"),
                Arguments.of(
                        "category ending in a newline",
                        TITLE,
                        TITLE + ", \"category\": \"服装\\n\"",
                        "item.category",
                        "must not contain control characters"),
                Arguments.of(
                        "category not a string",
                        TITLE,
                        TITLE + ", \"category\": {\"name\": \"服装\"}",
                        "item.category",
                        "must be a string"),
                Arguments.of(
                        "vip not a boolean",
                        "\"city\": \"沈阳\"",
                        "\"city\": \"沈阳\", \"vip\": \"gold\"",
                        "buyer.vip",
                        "must be true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReviews")
    void invalidReviewIsRejectedNamingTheFieldAndNothingIsStored(
            String name, String from, String to, String field, String message) {
        String shop = Reviews.uniqueShop();
        String orderId = Reviews.unique("O");
        String valid = Reviews.json(shop, "R-1", orderId, "BAD");
        String invalid = valid.replace(
                from.replace("%ORDER%", orderId)
                        .replace("%SHOP%", shop)
                        .replace("%CREATED_AT%", Reviews.CREATED_AT_TEXT),
                to);
        assertThat(invalid).as("the test case edits the body").isNotEqualTo(valid);

        given().auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body(invalid)
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:winback:problem:invalid-request"))
                .body("violations.field", hasItem(field))
                .body("violations.find { it.field == '%s' }.message".formatted(field), startsWith(message));

        assertNothingStoredFor(shop, orderId);
    }

    @Test
    void malformedJsonIsRejectedAsProblem() {
        given().auth()
                .oauth2(TestTokens.integration("s1"))
                .contentType(ContentType.JSON)
                .body("{\"shopId\": \"s1\", ")
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", startsWith("malformed JSON"));
    }

    @Test
    void emptyBodyIsRejectedAsProblem() {
        given().auth()
                .oauth2(TestTokens.integration("s1"))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIsRejectedAsProblem() {
        given().auth()
                .oauth2(TestTokens.integration("s1"))
                .contentType(ContentType.TEXT)
                .body("hello")
                .when()
                .post("/api/v1/reviews")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void unknownReviewIsNotFoundProblem() {
        given().auth()
                .oauth2(TestTokens.integration("s1"))
                .when()
                .get("/api/v1/reviews/7d0f7a4e-2b1c-4bde-9a51-0d5c0f7e1a11")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Review not found"));
    }

    void assertNothingStoredFor(String shop, String orderId) {
        long reviews = QuarkusTransaction.requiringNew()
                .call(() -> (Long) em.createQuery("select count(r) from Review r where r.shopId = :s")
                        .setParameter("s", shop)
                        .getSingleResult());
        long events = Published.onTopic(
                        config.topic(),
                        () -> QuarkusTransaction.requiringNew()
                                .call(() -> (Long)
                                        em.createQuery("select count(e) from OutboxEvent e where e.messageKey = :k")
                                                .setParameter("k", orderId)
                                                .getSingleResult()),
                        r -> orderId.equals(r.key()))
                .size();
        assertThat(reviews).isZero();
        assertThat(events).isZero();
    }
}
