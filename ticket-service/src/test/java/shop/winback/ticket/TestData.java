package shop.winback.ticket;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;
import shop.winback.ticket.domain.Rating;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.messaging.in.ReviewReceivedV1;
import shop.winback.ticket.service.TicketDesk;

/** Fresh shops, agents and review events for tests, so tests never see each other's data. */
public final class TestData {

    private TestData() {}

    public static String uniqueShop() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ReviewReceivedV1 review(String shopId, Rating rating) {
        return review(shopId, rating, "O-" + UUID.randomUUID());
    }

    /** When a review arriving now was written: ten minutes ago on the clock under test, whole seconds. */
    public static Instant writtenAt() {
        return TestClock.minutesAgo(10).truncatedTo(ChronoUnit.SECONDS);
    }

    public static ReviewReceivedV1 review(String shopId, Rating rating, String order) {
        return new ReviewReceivedV1(
                UUID.randomUUID(),
                shopId,
                "R-" + UUID.randomUUID(),
                order,
                new ReviewReceivedV1.Item("SKU-1", "纯棉T恤", null),
                new ReviewReceivedV1.Buyer("buyer-" + UUID.randomUUID(), "辽宁", "沈阳", null, null, null, null),
                12900,
                2,
                rating,
                writtenAt(),
                null);
    }

    /** Another review of the same order (another order line), as when a buyer rates two items badly. */
    public static ReviewReceivedV1 sameOrder(ReviewReceivedV1 r, Rating rating) {
        return new ReviewReceivedV1(
                UUID.randomUUID(),
                r.shopId(),
                "R-" + UUID.randomUUID(),
                r.orderId(),
                new ReviewReceivedV1.Item("SKU-2", "牛仔裤", null),
                r.buyer(),
                r.orderAmountFen(),
                r.distinctItems(),
                rating,
                r.createdAt().plusSeconds(60),
                null);
    }

    /** The same review with other facts: a copy with the changes the lambda makes. */
    public static ReviewReceivedV1 withBuyer(ReviewReceivedV1 r, String buyerId, boolean vip) {
        return new ReviewReceivedV1(
                r.reviewId(),
                r.shopId(),
                r.platformReviewId(),
                r.orderId(),
                r.item(),
                new ReviewReceivedV1.Buyer(buyerId, "辽宁", "沈阳", null, null, null, vip),
                r.orderAmountFen(),
                r.distinctItems(),
                r.rating(),
                r.createdAt(),
                r.buyerSuspicion());
    }

    public static ReviewReceivedV1 withCategory(ReviewReceivedV1 r, String category) {
        return new ReviewReceivedV1(
                r.reviewId(),
                r.shopId(),
                r.platformReviewId(),
                r.orderId(),
                new ReviewReceivedV1.Item(r.item().sku(), r.item().title(), category),
                r.buyer(),
                r.orderAmountFen(),
                r.distinctItems(),
                r.rating(),
                r.createdAt(),
                r.buyerSuspicion());
    }

    public static ReviewReceivedV1 withOrder(ReviewReceivedV1 r, long amountFen, int distinctItems) {
        return new ReviewReceivedV1(
                r.reviewId(),
                r.shopId(),
                r.platformReviewId(),
                r.orderId(),
                r.item(),
                r.buyer(),
                amountFen,
                distinctItems,
                r.rating(),
                r.createdAt(),
                r.buyerSuspicion());
    }

    public static ReviewReceivedV1 suspected(ReviewReceivedV1 r) {
        return new ReviewReceivedV1(
                r.reviewId(),
                r.shopId(),
                r.platformReviewId(),
                r.orderId(),
                r.item(),
                r.buyer(),
                r.orderAmountFen(),
                r.distinctItems(),
                r.rating(),
                r.createdAt(),
                new ReviewReceivedV1.BuyerSuspicion(true));
    }

    /** Delivers one review.received.v1 to the desk as the consumer would; the ticket it opened, or null. */
    public static Ticket receive(TicketDesk desk, ReviewReceivedV1 review) {
        List<Ticket> opened = desk.reviewsReceived(List.of(new TicketDesk.ReceivedReview(review)));
        return opened.isEmpty() ? null : opened.get(0);
    }

    /** The event as review-service puts it on the wire. */
    public static String json(ReviewReceivedV1 r) {
        return """
                {"reviewId":"%s","shopId":"%s","platformReviewId":"%s","orderId":"%s","orderLineId":null,
                 "item":{"sku":"%s","title":"%s","category":null},"buyer":{"id":"%s","province":"%s","city":"%s","vip":false},
                 "orderAmountFen":%d,"distinctItems":%d,"rating":"%s","dsr":{"description":2,"service":3,"shipping":4},
                 "text":"衣服有破洞","createdAt":"%s","receivedAt":"%s","complaintReasons":[],"buyerSuspicion":null}""".formatted(
                        r.reviewId(),
                        r.shopId(),
                        r.platformReviewId(),
                        r.orderId(),
                        r.item().sku(),
                        r.item().title(),
                        r.buyer().id(),
                        r.buyer().province(),
                        r.buyer().city(),
                        r.orderAmountFen(),
                        r.distinctItems(),
                        r.rating(),
                        r.createdAt(),
                        r.createdAt());
    }

    /** A request as the shop's supervisor: may hire, change, list, see and close everything of the shop. */
    public static RequestSpecification asSupervisor(String shopId) {
        return given().auth().oauth2(TestTokens.supervisor(shopId));
    }

    /** A review.revised.v1 as review-service puts it on the wire. */
    public static String revisionJson(ReviewReceivedV1 r, Rating after, boolean textStillNegative, Instant revisedAt) {
        return """
                {"reviewId":"%s","revisionId":"%s","shopId":"%s","platformReviewId":"%s","orderId":"%s","buyerId":"%s",
                 "itemSku":"%s","before":{"rating":"%s","text":"衣服有破洞"},"after":{"rating":"%s","text":"%s"},
                 "ratingImproved":true,"textStillNegative":%s,"complaintReasons":[],"revisedAt":"%s","receivedAt":"%s"}""".formatted(
                        r.reviewId(),
                        UUID.randomUUID(),
                        r.shopId(),
                        r.platformReviewId(),
                        r.orderId(),
                        r.buyer().id(),
                        r.item().sku(),
                        r.rating(),
                        after,
                        textStillNegative ? "衣服有破洞" : "客服态度很好，已解决",
                        textStillNegative,
                        revisedAt,
                        revisedAt);
    }

    /** A request as one of the shop's recovery agents. */
    public static RequestSpecification asAgent(String shopId, String agentId) {
        return given().auth().oauth2(TestTokens.agent(shopId, UUID.fromString(agentId), "REVIEW_RECOVERY"));
    }

    /** Adds an agent through the API; returns its id. */
    public static String hire(String shopId, String name, String tier, int capacity, String status) {
        return asSupervisor(shopId)
                .contentType(ContentType.JSON)
                .body("""
                        {"shopId": "%s", "name": "%s", "tier": "%s", "capacity": %d, "status": "%s"}""".formatted(shopId, name, tier, capacity, status))
                .when()
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Adds an agent with a shift and skills; returns its id. */
    public static String hire(
            String shopId, String name, String tier, int capacity, String status, String shift, String... skills) {
        String skillList = java.util.Arrays.stream(skills)
                .map(k -> "\"" + k + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return asSupervisor(shopId)
                .contentType(ContentType.JSON)
                .body("""
                        {"shopId": "%s", "name": "%s", "tier": "%s", "capacity": %d, "status": "%s", "shift": "%s", "skills": [%s]}""".formatted(shopId, name, tier, capacity, status, shift, skillList))
                .when()
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Sets the shop's ticket settings (JSON object body). */
    public static void settings(String shopId, String json) {
        asSupervisor(shopId)
                .contentType(ContentType.JSON)
                .body(json)
                .when()
                .put("/api/v1/ticket-settings")
                .then()
                .statusCode(200);
    }

    /**
     * Shifts around now on the clock under test: the named shift runs from two hours ago to two
     * hours from now (shop time), the other one the rest of the day.
     */
    public static void onShiftNow(String shopId, String shift) {
        LocalTime now = LocalTime.now(TestClock.clock().withZone(TestClock.SHANGHAI))
                .withSecond(0)
                .withNano(0);
        String from = now.minusHours(2).toString();
        String to = now.plusHours(2).toString();
        if (shift.equals("DAY")) {
            settings(shopId, """
                    {"dayShiftStart": "%s", "dayShiftEnd": "%s", "nightShiftStart": "%s", "nightShiftEnd": "%s"}""".formatted(from, to, to, from));
        } else {
            settings(shopId, """
                    {"dayShiftStart": "%s", "dayShiftEnd": "%s", "nightShiftStart": "%s", "nightShiftEnd": "%s"}""".formatted(to, from, from, to));
        }
    }

    public static void setStatus(String shopId, String agentId, String status) {
        asSupervisor(shopId)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"" + status + "\"}")
                .when()
                .patch("/api/v1/agents/" + agentId)
                .then()
                .statusCode(200);
    }

    /** Resolves the ticket as EXPLAINED (frees the agent's place). */
    public static void close(String shopId, UUID ticketId) {
        asSupervisor(shopId)
                .contentType(ContentType.JSON)
                .body("{\"outcome\": \"EXPLAINED\"}")
                .when()
                .post("/api/v1/tickets/" + ticketId + "/resolution")
                .then()
                .statusCode(200);
    }
}
