package shop.winback.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** GET /api/v1/reviews: every filter, paging, the shop boundary, roles and bad parameters. */
@QuarkusTest
class ReviewQueryTests {

    /**
     * Five reviews of one shop, oldest R1 to newest R5 (a day apart), and one of another shop that
     * matches every filter. R5 was BAD with 破洞 and is GOOD since its revision. R1 was written on
     * {@link #FIRST_DAY}, ten days before today on the clock under test.
     */
    static String seed() {
        String shop = Reviews.uniqueShop();
        ReviewSeed seed = new ReviewSeed(shop);
        seed.review("R1", "SKU-A", "b1", "13812345678", "BAD", "衣服有破洞", day(0, "10:00"));
        seed.review("R2", "SKU-B", "b2", "BAD", "快递太慢了", day(1, "10:00"));
        seed.review("R3", "SKU-A", "b2", "NEUTRAL", "一般", day(2, "10:00"));
        seed.review("R4", "SKU-B", "b1", "GOOD", "很好", day(3, "10:00"));
        seed.review("R5", "SKU-A", "b3", "BAD", "破洞", day(4, "10:00"));
        seed.revise("R5", "GOOD", "已经解决了，很满意", day(5, "10:00"));
        ReviewSeed other = new ReviewSeed(Reviews.uniqueShop());
        other.review("R9", "SKU-A", "b1", "BAD", "衣服有破洞，快递太慢了", day(2, "12:00"));
        other.revise("R9", "NEUTRAL", null, day(3, "12:00"));
        return shop;
    }

    /** The day R1 was written (China): ten days ago on the clock under test, so every seeded time is in the past. */
    static final LocalDate FIRST_DAY = TestClock.today(TestClock.SHANGHAI).minusDays(10);

    /** A local time in China {@code n} days after {@link #FIRST_DAY}, as the order system writes it. */
    static String day(int n, String time) {
        return TestClock.china(FIRST_DAY.plusDays(n), time);
    }

    /** The same as a UTC instant. */
    static Instant instant(int n, String time) {
        return OffsetDateTime.parse(day(n, time)).toInstant();
    }

    static ValidatableResponse list(String token, Map<String, ?> params) {
        return given().auth()
                .oauth2(token)
                .queryParams(params)
                .get("/api/v1/reviews")
                .then();
    }

    static void expect(String shop, Map<String, ?> params, String... platformIds) {
        list(TestTokens.reporting(shop), params)
                .statusCode(200)
                .body("items.platformReviewId", platformIds.length == 0 ? empty() : contains(platformIds))
                .body("total", equalTo(platformIds.length))
                .body("items.shopId", everyItem(equalTo(shop)));
    }

    @Test
    void withoutFiltersAllOfTheShopNewestFirst() {
        String shop = seed();
        list(TestTokens.supervisor(shop), Map.of())
                .statusCode(200)
                .body("items.platformReviewId", contains("R5", "R4", "R3", "R2", "R1"))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("total", equalTo(5))
                .body("items[0].rating", equalTo("GOOD"))
                .body("items[0].revisionCount", equalTo(1))
                .body("items[4].item.sku", equalTo("SKU-A"));
    }

    @Test
    void byCurrentRating() {
        String shop = seed();
        expect(shop, Map.of("rating", "BAD"), "R2", "R1");
        expect(shop, Map.of("rating", "good"), "R5", "R4");
        expect(shop, Map.of("rating", "NEUTRAL"), "R3");
    }

    @Test
    void byComplaintReason() {
        String shop = seed();
        // R5's reason was found when it was captured as BAD; the revision does not take it away
        expect(shop, Map.of("reason", "QUALITY_DAMAGE"), "R5", "R1");
        expect(shop, Map.of("reason", "SLOW_SHIPPING"), "R2");
        expect(shop, Map.of("reason", "OTHER"), "R3");
        expect(shop, Map.of("reason", "PRICE"));
    }

    @Test
    void byItemAndBuyer() {
        String shop = seed();
        expect(shop, Map.of("itemSku", "SKU-A"), "R5", "R3", "R1");
        expect(shop, Map.of("buyerId", "b2"), "R3", "R2");
        expect(shop, Map.of("itemSku", "SKU-A", "buyerId", "b1"), "R1");
        expect(shop, Map.of("itemSku", "SKU-NONE"));
    }

    @Test
    void byCreationTimeFromInclusiveToExclusive() {
        String shop = seed();
        expect(shop, Map.of("createdFrom", day(1, "10:00"), "createdTo", day(3, "10:00")), "R3", "R2");
        expect(
                shop,
                Map.of("createdFrom", instant(3, "10:00").toString()),
                "R5",
                "R4"); // as a UTC instant, …T02:00:00Z
        expect(shop, Map.of("createdTo", instant(1, "10:00").plusMillis(1).toString()), "R2", "R1"); // …T02:00:00.001Z
        // an unencoded '+' of the offset arrives as a space and is still read as the offset
        given().auth()
                .oauth2(TestTokens.reporting(shop))
                .urlEncodingEnabled(false)
                .get("/api/v1/reviews?createdFrom=" + day(4, "10:00"))
                .then()
                .statusCode(200)
                .body("items.platformReviewId", contains("R5"));
    }

    @Test
    void byRevised() {
        String shop = seed();
        expect(shop, Map.of("revised", "true"), "R5");
        expect(shop, Map.of("revised", "false"), "R4", "R3", "R2", "R1");
    }

    @Test
    void filtersCombine() {
        String shop = seed();
        expect(shop, Map.of("rating", "BAD", "itemSku", "SKU-A"), "R1");
        expect(shop, Map.of("reason", "QUALITY_DAMAGE", "revised", "false", "createdFrom", day(0, "00:00")), "R1");
    }

    @Test
    void pages() {
        String shop = seed();
        String token = TestTokens.manager(shop);
        list(token, Map.of("size", "2"))
                .statusCode(200)
                .body("items.platformReviewId", contains("R5", "R4"))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(5));
        list(token, Map.of("size", "2", "page", "1"))
                .statusCode(200)
                .body("items.platformReviewId", contains("R3", "R2"))
                .body("page", equalTo(1))
                .body("total", equalTo(5));
        list(token, Map.of("size", "2", "page", "2"))
                .statusCode(200)
                .body("items.platformReviewId", contains("R1"))
                .body("total", equalTo(5));
        list(token, Map.of("size", "2", "page", "3"))
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(5));
        list(token, Map.of("size", "500", "rating", "BAD"))
                .statusCode(200)
                .body("items.platformReviewId", contains("R2", "R1"))
                .body("size", equalTo(500))
                .body("total", equalTo(2));
    }

    @Test
    void anotherShopsReviewsNeverAppear() {
        String shop = seed();
        // the other shop's R9 matches each of these; only the caller's shop is searched
        expect(shop, Map.of("buyerId", "b1", "createdFrom", day(2, "00:00"), "createdTo", day(3, "00:00")));
        expect(shop, Map.of("rating", "NEUTRAL"), "R3");
        expect(shop, Map.of("revised", "true"), "R5");
        // and a shop with no reviews sees none at all
        list(TestTokens.supervisor(Reviews.uniqueShop()), Map.of())
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void buyerContactInClearOnlyForThoseWhoOverseeTheShop() {
        String shop = seed();
        list(TestTokens.supervisor(shop), Map.of("buyerId", "b1", "itemSku", "SKU-A"))
                .statusCode(200)
                .body("items[0].buyer.phone", equalTo("13812345678"));
        list(TestTokens.manager(shop), Map.of("buyerId", "b1", "itemSku", "SKU-A"))
                .statusCode(200)
                .body("items[0].buyer.phone", equalTo("13812345678"));
        list(TestTokens.reporting(shop), Map.of("buyerId", "b1", "itemSku", "SKU-A"))
                .statusCode(200)
                .body("items[0].buyer.phone", equalTo("138****5678"));
    }

    @Test
    void onlySupervisorsManagersAndReportingMayList() {
        String shop = Reviews.uniqueShop();
        new ReviewSeed(shop).review("R1", "SKU-A", "b1", "BAD", "破洞", day(0, "10:00"));
        for (String role : Set.of("supervisor", "manager", "reporting")) {
            list(TestTokens.token(shop, role, Set.of(role)), Map.of())
                    .statusCode(200)
                    .body("total", equalTo(1));
        }
        list(TestTokens.integration(shop), Map.of()).statusCode(403).contentType("application/problem+json");
        list(TestTokens.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY"), Map.of())
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/reviews").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badParametersAreRejectedByName() {
        String shop = Reviews.uniqueShop();
        String token = TestTokens.reporting(shop);
        Map<String, String> bad = Map.ofEntries(
                Map.entry("rating", "SUPERB"),
                Map.entry("reason", "BROKEN"),
                Map.entry("createdFrom", "yesterday"),
                Map.entry("createdTo", "2026-11-01"),
                Map.entry("revised", "maybe"),
                Map.entry("page", "-1"),
                Map.entry("size", "0"));
        bad.forEach((name, value) -> list(token, Map.of(name, value))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:invalid-request"))
                .body("violations.field", contains(name)));
        list(token, Map.of("size", "501")).statusCode(400).body("violations.field", contains("size"));
        list(token, Map.of("size", "ten")).statusCode(400).body("violations.field", contains("size"));
        list(token, Map.of("page", "x")).statusCode(400).body("violations.field", contains("page"));
        list(token, Map.of("page", "99999999", "size", "500"))
                .statusCode(400)
                .body("violations.field", contains("page"));
        list(token, Map.of("createdFrom", "2026-11-05T00:00:00Z", "createdTo", "2026-11-05T00:00:00Z"))
                .statusCode(400)
                .body("violations.field", contains("createdTo"));
        // every bad parameter is named at once
        list(token, Map.of("rating", "SUPERB", "size", "0"))
                .statusCode(400)
                .body("violations.field", hasItem("rating"))
                .body("violations.field", hasItem("size"));
    }
}
