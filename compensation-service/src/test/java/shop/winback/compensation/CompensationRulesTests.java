package shop.winback.compensation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import shop.winback.testing.KafkaTopics;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/** The money rules of issue 15 through the real service: ceiling, standard offers, quotas, suspected buyers, the ladder. */
@QuarkusTest
class CompensationRulesTests {

    @Inject
    EntityManager em;

    static ValidatableResponse quote(String token, String order) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"orderId\": \"" + order + "\"}")
                .post("/api/v1/quotes")
                .then();
    }

    long compensations(String shop) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM compensation WHERE shop_id = ?1")
                                .setParameter(1, shop)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void aboveTheQuotesCeilingWaitsForTheNextTierAndMoreThanTheOrderIsRefused() {
        String shop = TestData.uniqueShop();
        String order = TestData.knownOrder(shop, 12900);
        String agent = TestData.agent(shop, UUID.randomUUID(), "AFTER_SALES");
        // 14 元 return postage to 辽宁: ceiling 15 元, below the agent's own 20 元
        quote(agent, order).statusCode(200).body("ceilingFen", equalTo(1500)).body("authorityLimitFen", equalTo(2000));
        TestData.request(agent, TestData.body(order, "PARTIAL_REFUND", 1800, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("requiredLevel", equalTo("SUPERVISOR"))
                .body("approvalBecause", equalTo("ABOVE_CEILING"))
                .body("withinAuthority", equalTo(false));
        TestData.request(agent, TestData.body(order, "PARTIAL_REFUND", 1500, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"));
        // a supervisor's request above the ceiling goes to the manager
        TestData.request(
                        TestTokens.supervisor(shop),
                        TestData.body(order, "PARTIAL_REFUND", 3000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("requiredLevel", equalTo("MANAGER"))
                .body("approvalBecause", equalTo("ABOVE_CEILING"));
        long before = compensations(shop);
        for (String token : List.of(agent, TestTokens.manager(shop))) {
            TestData.request(token, TestData.body(order, "FULL_REFUND_NO_RETURN", 12901, 12900, "QUALITY_DAMAGE"))
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("amountFen"));
        }
        assertThat(compensations(shop)).as("a refusal changes nothing").isEqualTo(before);
    }

    @Test
    void theShopsStandardOffersStandForABuyerNearTheShop() {
        String shop = TestData.uniqueShop();
        String bad = TestData.uniqueOrder();
        String neutral = TestData.uniqueOrder();
        ReviewEvents.reviewed(shop, bad, 12900, 3, "BAD", "广东", false);
        ReviewEvents.reviewed(shop, neutral, 12900, 3, "NEUTRAL", "广东", false);
        String agent = TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY");
        // 5 元 return postage next door: a ceiling of 6 元, yet the 差评 coupon is the shop's 10 元
        quote(agent, bad)
                .statusCode(200)
                .body("ceilingFen", equalTo(600))
                .body("standardOfferFen", equalTo(1000))
                .body("options.find { it.type == 'COUPON' }.costFen", equalTo(1000))
                .body("options.find { it.type == 'COUPON' }.exceedsBaseCeilingBecause", equalTo("STANDARD_OFFER"))
                .body("options.find { it.type == 'COUPON' }.withinAuthority", equalTo(true))
                .body("options.find { it.type == 'PARTIAL_REFUND' }.costFen", equalTo(600));
        quote(agent, neutral)
                .statusCode(200)
                .body("standardOfferFen", equalTo(500))
                .body("options.find { it.type == 'COUPON' }.costFen", equalTo(500));
        TestData.request(agent, TestData.body(bad, "COUPON", 1000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"));
        // the ceiling still bounds cash
        TestData.request(agent, TestData.body(bad, "PARTIAL_REFUND", 1000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("approvalBecause", equalTo("ABOVE_CEILING"));
    }

    @Test
    void preSalesMayOnlyRoundOff() {
        String shop = TestData.uniqueShop();
        String order = TestData.knownOrder(shop, 12900);
        TestData.request(
                        TestData.agent(shop, UUID.randomUUID(), "PRE_SALES"),
                        TestData.body(order, "COUPON", 100, 12900, "PRICE"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("type"));
        assertThat(compensations(shop)).isZero();
    }

    /** The fixed-offset zone (Etc/GMT…) whose day began least (first) or most (last) recently. */
    static List<ZoneId> zonesByTimeIntoTheirDay(Instant now) {
        return IntStream.rangeClosed(-14, 12)
                .mapToObj(h -> ZoneId.of(h == 0 ? "Etc/GMT" : "Etc/GMT" + (h > 0 ? "+" : "") + h))
                .sorted(Comparator.comparing(z -> Duration.between(
                        LocalDate.ofInstant(now, z).atStartOfDay(z).toInstant(), now)))
                .toList();
    }

    void setZone(String shop, ZoneId zone) {
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"timeZone\": \"" + zone.getId() + "\"}")
                .put("/api/v1/compensation-settings")
                .then()
                .statusCode(200)
                .body("timeZone", equalTo(zone.getId()));
    }

    @Test
    void theRoundOffQuotaIsCountedInTheShopsDayAndRefusesBeyondIt() {
        String shop = TestData.uniqueShop();
        UUID agent = UUID.randomUUID();
        String token = TestData.agent(shop, agent, "PRE_SALES");
        Instant now = TestClock.now();
        List<ZoneId> zones = zonesByTimeIntoTheirDay(now);
        ZoneId justBegun = zones.get(0);
        ZoneId longBegun = zones.get(zones.size() - 1);
        // three round-offs granted a minute before the day began where the shop's day has just begun
        Instant lastNight = LocalDate.ofInstant(now, justBegun)
                .atStartOfDay(justBegun)
                .toInstant()
                .minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                em.createNativeQuery("""
                                INSERT INTO compensation (id, shop_id, order_id, agent_id, agent_tier, type, amount_fen, order_amount_fen,
                                                          reason, status, within_authority, created_at, decided_at)
                                VALUES (?1, ?2, ?3, ?4, 'PRE_SALES', 'ROUND_OFF', 100, 12900, 'ROUND_OFF', 'APPROVED', true, ?5, ?5)""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, shop)
                        .setParameter(3, TestData.uniqueOrder())
                        .setParameter(4, agent.toString())
                        .setParameter(5, lastNight)
                        .executeUpdate();
            }
        });
        setZone(shop, justBegun);
        TestData.request(token, TestData.body(TestData.knownOrder(shop, 12900), "ROUND_OFF", 100, 12900, "ROUND_OFF"))
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"));
        // in a zone whose day began hours ago, last night's three are today's: the quota is used, and refuses
        setZone(shop, longBegun);
        long before = compensations(shop);
        TestData.request(token, TestData.body(TestData.knownOrder(shop, 12900), "ROUND_OFF", 100, 12900, "ROUND_OFF"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:winback:problem:daily-quota-used"))
                .body("detail", containsString(longBegun.getId()));
        assertThat(compensations(shop)).isEqualTo(before);
        given().auth()
                .oauth2(TestTokens.manager(shop))
                .contentType(ContentType.JSON)
                .body("{\"timeZone\": \"Mars/Olympus\"}")
                .put("/api/v1/compensation-settings")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("timeZone"));
    }

    @Test
    void noQuickCashForASuspectedProfessionalBadReviewer() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        ReviewEvents.reviewed(shop, order, 12900, 2, "BAD", "辽宁", true);
        String agent = TestData.agent(shop, UUID.randomUUID(), "AFTER_SALES");
        quote(agent, order)
                .statusCode(200)
                .body("rules", hasItem("SUSPECTED_PROFESSIONAL"))
                .body("orderFacts.suspectedProfessional", equalTo(true))
                .body("orderFacts.suspicionReasons", hasItem("7 bad reviews in 30 days"))
                .body("recommendedBecause", containsString("professional bad-reviewer"))
                .body("options.find { it.type == 'PARTIAL_REFUND' }.withinAuthority", equalTo(false))
                .body("options.find { it.type == 'PARTIAL_REFUND' }.approvalBecause", equalTo("SUSPECTED_PROFESSIONAL"))
                .body(
                        "options.find { it.type == 'RETURN_FOR_REFUND' }.approvalBecause",
                        equalTo("SUSPECTED_PROFESSIONAL"))
                .body("options.find { it.type == 'COUPON' }.withinAuthority", equalTo(true));
        TestData.request(agent, TestData.body(order, "PARTIAL_REFUND", 600, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("requiredLevel", equalTo("SUPERVISOR"))
                .body("approvalBecause", equalTo("SUSPECTED_PROFESSIONAL"));
        TestData.request(agent, TestData.body(order, "COUPON", 1000, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"));
        TestData.request(
                        TestTokens.supervisor(shop),
                        TestData.body(order, "PARTIAL_REFUND", 600, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("requiredLevel", equalTo("MANAGER"));
    }

    @Test
    void eachQuoteOptionShowsItsShareOfTheOrderAndItsRungOfTheLadder() {
        String shop = TestData.uniqueShop();
        String order = TestData.knownOrder(shop, 12000);
        quote(TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY"), order)
                .statusCode(200)
                // DOMAIN's example: a 10 元 coupon on a 120 元 order
                .body("options.find { it.type == 'COUPON' }.shareOfOrderPercent", equalTo(8.3f))
                .body("options.find { it.type == 'COUPON' }.ladderStep.step", equalTo(2))
                .body("options.find { it.type == 'COUPON' }.ladderStep.name", equalTo("COUPON"))
                .body("options.find { it.type == 'COUPON' }.ladderStep.lossMinPercent", equalTo(10))
                .body("options.find { it.type == 'COUPON' }.ladderStep.lossMaxPercent", equalTo(20))
                .body("options.find { it.type == 'EXPLAIN' }.shareOfOrderPercent", equalTo(0.0f))
                .body("options.find { it.type == 'EXPLAIN' }.ladderStep.step", equalTo(1))
                .body("options.find { it.type == 'PARTIAL_REFUND' }.ladderStep.name", equalTo("PARTIAL_REFUND"))
                .body("options.find { it.type == 'PARTIAL_REFUND' }.shareOfOrderPercent", equalTo(5.0f));
    }

    @Test
    void aQualityProblemIsJudgedByWhenTheGoodsArrivedTheCouriersSignedForScanFirst() {
        String shop = TestData.uniqueShop();
        String order = TestData.uniqueOrder();
        // the order system says the buyer signed five days ago, goods unworn: past the 3-day window
        String review = ReviewEvents.received(shop, order, 12900, 2, "BAD", "辽宁", "沈阳", false)
                .replace(
                        "\"buyerSuspicion\"",
                        "\"goods\":{\"receivedAt\":\"" + TestClock.daysAgo(5)
                                + "\",\"wornOrUsed\":false,\"photoUrls\":[]},\"buyerSuspicion\"");
        ReviewEvents.send(order, review, UUID.randomUUID().toString(), "review.received.v1");
        await().atMost(Duration.ofSeconds(20)).until(() -> ReviewEvents.known(shop, order));
        String agent = TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY");
        quote(agent, order)
                .statusCode(200)
                .body("rules", hasItem("QUALITY_LATE_OR_WORN"))
                .body("recommendedBecause", containsString("supervisor"));
        TestData.request(agent, TestData.body(order, "RETURN_FOR_REFUND", 700, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("approvalBecause", equalTo("QUALITY_LATE_OR_WORN"))
                .body("requiredLevel", equalTo("SUPERVISOR"));

        // the courier's signed-for scan says yesterday: that is the receipt, and the window is still open
        java.time.Instant signedFor = TestClock.daysAgo(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String scan =
                "{\"scanId\":\"%s\",\"shopId\":\"%s\",\"orderId\":\"%s\",\"courier\":\"STO\",\"trackingNumber\":\"773012345678\",\"station\":\"沈阳和平区\",\"status\":\"DELIVERED\",\"scannedAt\":\"%s\",\"weightGrams\":null,\"source\":\"KUAIDI100_PUSH\"}"
                        .formatted(UUID.randomUUID(), shop, order, signedFor);
        KafkaTopics.publish(
                ConfigProvider.getConfig().getValue("compensation.logistics-topic", String.class),
                "/winback/logistics-service",
                order,
                scan,
                UUID.randomUUID().toString(),
                "parcel.scanned.v1");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> signedFor.equals(ReviewEvents.facts(shop, order).goodsReceivedAt()));
        quote(agent, order)
                .statusCode(200)
                .body("rules", hasItem("QUALITY_RETURN_WINDOW"))
                .body("recommended.type", equalTo("RETURN_FOR_REFUND"))
                .body("recommendedBecause", containsString("photos"));
        TestData.request(agent, TestData.body(order, "RETURN_FOR_REFUND", 700, 12900, "QUALITY_DAMAGE"))
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void theBuyersOwnFaultIsQuotedNoReturn() {
        String shop = TestData.uniqueShop();
        String order = TestData.knownOrder(shop, 12900);
        given().auth()
                .oauth2(TestData.agent(shop, UUID.randomUUID(), "REVIEW_RECOVERY"))
                .contentType(ContentType.JSON)
                .body("{\"orderId\": \"" + order + "\", \"buyerAtFault\": true}")
                .post("/api/v1/quotes")
                .then()
                .statusCode(200)
                .body("rules", hasItem("BUYER_AT_FAULT"))
                .body("options.type", not(hasItem("RETURN_FOR_REFUND")))
                .body("options.type", not(hasItem("FREE_RESEND")));
    }
}
