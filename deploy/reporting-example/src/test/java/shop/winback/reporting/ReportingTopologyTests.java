package shop.winback.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static shop.winback.reporting.PublicEvents.SHOP;
import static shop.winback.reporting.PublicEvents.compensationApproved;
import static shop.winback.reporting.PublicEvents.reviewReceived;
import static shop.winback.reporting.PublicEvents.ticketOpened;
import static shop.winback.reporting.PublicEvents.ticketResolved;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each figure of the definitions (README "What it computes"), as the job computes it from the public events. */
class ReportingTopologyTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String AGENT = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
    private static final String OTHER_AGENT = "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b";

    /** The shop's day under test: today in the shop's zone, whatever the real date. */
    private final LocalDate today = LocalDate.now(SHANGHAI);

    private JobDriver job = new JobDriver();

    @AfterEach
    void close() {
        job.close();
    }

    private Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void reviewsAreCountedByRatingWithThePositiveRate() {
        job.pipe(
                reviewReceived("o1", id(), "GOOD", "SKU-A", at(today, 9, 0)),
                reviewReceived("o2", id(), "GOOD", "SKU-A", at(today, 9, 1)),
                reviewReceived("o3", id(), "NEUTRAL", "SKU-B", at(today, 9, 2), "SIZE_FIT"),
                reviewReceived("o4", id(), "BAD", "SKU-B", at(today, 9, 3), "QUALITY_DAMAGE", "SIZE_FIT"));

        FiguresView total = job.total(today);
        assertEquals(4, total.reviewsReceived());
        assertEquals(2, total.good());
        assertEquals(1, total.neutral());
        assertEquals(1, total.bad());
        assertEquals(new BigDecimal("0.5000"), total.positiveRate());
        DailyReport day = job.day(SHOP, today);
        assertEquals(2, day.byProduct().get("SKU-A").good());
        assertEquals(new BigDecimal("1.0000"), day.byProduct().get("SKU-A").positiveRate());
        assertEquals(1, day.byProduct().get("SKU-B").neutral());
        assertEquals(1, day.byProduct().get("SKU-B").bad());
        // a review with several reasons counts under each
        assertEquals(2, day.byReason().get("SIZE_FIT").reviewsReceived());
        assertEquals(1, day.byReason().get("QUALITY_DAMAGE").bad());
    }

    @Test
    void thePositiveRateHasFourDecimalsAndIsNullWithoutReviews() {
        job.pipe(
                reviewReceived("o1", id(), "GOOD", "SKU-A", at(today, 9, 0)),
                reviewReceived("o2", id(), "GOOD", "SKU-A", at(today, 9, 1)),
                reviewReceived("o3", id(), "BAD", "SKU-A", at(today, 9, 2), "PRICE"),
                compensationApproved("o9", null, AGENT, "COUPON", 500, at(today.minusDays(1), 9, 0)));

        assertEquals(new BigDecimal("0.6667"), job.total(today).positiveRate());
        assertNull(job.total(today.minusDays(1)).positiveRate());
    }

    @Test
    void ticketsOpenedCountOnTheirOpeningDayWithTheReviewsProductAndReasons() {
        String review = id();
        job.pipe(
                reviewReceived("o1", review, "BAD", "SKU-A", at(today.minusDays(1), 23, 50), "PARCEL_DAMAGED"),
                ticketOpened("o1", id(), review, "BAD", "SKU-A", at(today, 0, 5)));

        assertEquals(0, job.total(today.minusDays(1)).ticketsOpened());
        assertEquals(1, job.total(today).ticketsOpened());
        assertEquals(1, job.day(SHOP, today).byProduct().get("SKU-A").ticketsOpened());
        assertEquals(1, job.day(SHOP, today).byReason().get("PARCEL_DAMAGED").ticketsOpened());
    }

    @Test
    void resolutionsAreRecoveredByTheTicketsRatingOrUnrecoveredWithTheIncentive() {
        openTicket("o1", "t1", "NEUTRAL", "SKU-A", "SIZE_FIT");
        openTicket("o2", "t2", "BAD", "SKU-A", "QUALITY_DAMAGE");
        openTicket("o3", "t3", "BAD", "SKU-B", "PRICE");
        openTicket("o4", "t4", "NEUTRAL", "SKU-B", "PRICE");
        openTicket("o5", "t5", "BAD", "SKU-B", "PRICE");
        job.pipe(
                ticketResolved("o1", "t1", AGENT, "RECOVERED", "NEUTRAL", at(today, 15, 0)),
                ticketResolved("o2", "t2", AGENT, "RECOVERED", "BAD", at(today, 15, 1)),
                ticketResolved("o3", "t3", OTHER_AGENT, "UNRECOVERED", "BAD", at(today, 15, 2)),
                ticketResolved("o4", "t4", OTHER_AGENT, "EXPLAINED", "NEUTRAL", at(today, 15, 3)),
                ticketResolved("o5", "t5", null, "CANCELLED", "BAD", at(today, 15, 4)));

        FiguresView total = job.total(today);
        assertEquals(2, total.recovered());
        assertEquals(1, total.recoveredNeutral());
        assertEquals(1, total.recoveredBad());
        assertEquals(3, total.unrecovered());
        assertEquals(300 + 500, total.incentiveFen());
        DailyReport day = job.day(SHOP, today);
        assertEquals(2, day.byAgent().get(AGENT).recovered());
        assertEquals(800, day.byAgent().get(AGENT).incentiveFen());
        assertEquals(2, day.byAgent().get(OTHER_AGENT).unrecovered());
        assertEquals(2, day.byProduct().get("SKU-A").recovered());
        assertEquals(3, day.byProduct().get("SKU-B").unrecovered());
        assertEquals(1, day.byReason().get("QUALITY_DAMAGE").recoveredBad());
        assertEquals(3, day.byReason().get("PRICE").unrecovered());
    }

    @Test
    void aTicketRevisedAfterItWasLetGoMovesFromUnrecoveredToRecovered() {
        openTicket("o1", "t1", "BAD", "SKU-A", "QUALITY_DAMAGE");
        LocalDate yesterday = today.minusDays(1);
        job.pipe(ticketResolved("o1", "t1", AGENT, "UNRECOVERED", "BAD", at(yesterday, 18, 0)));
        assertEquals(1, job.total(yesterday).unrecovered());

        job.pipe(ticketResolved("o1", "t1", AGENT, "RECOVERED", "BAD", at(today, 10, 0)));

        assertEquals(0, job.total(yesterday).unrecovered());
        assertEquals(Map.of(), job.day(SHOP, yesterday).byAgent());
        assertEquals(1, job.total(today).recoveredBad());
        assertEquals(1, job.day(SHOP, today).byAgent().get(AGENT).recovered());
    }

    @Test
    void compensationsAreSummedByTypeWithCostPerRecoveryAndValueRecovered() {
        openTicket("o1", "t1", "BAD", "SKU-A", "QUALITY_DAMAGE");
        openTicket("o2", "t2", "NEUTRAL", "SKU-B", "SIZE_FIT");
        openTicket("o3", "t3", "BAD", "SKU-B", "PRICE");
        job.pipe(
                compensationApproved("o1", "t1", AGENT, "PARTIAL_REFUND", 3000, at(today, 11, 0)),
                compensationApproved("o2", null, AGENT, "COUPON", 500, at(today, 11, 1)),
                compensationApproved("o3", "t3", OTHER_AGENT, "COUPON", 501, at(today, 11, 2)),
                ticketResolved("o1", "t1", AGENT, "RECOVERED", "BAD", at(today, 12, 0)),
                ticketResolved("o2", "t2", AGENT, "RECOVERED", "NEUTRAL", at(today, 12, 1)));

        FiguresView total = job.total(today);
        assertEquals(4001, total.compensationPaidFen());
        assertEquals(Map.of("PARTIAL_REFUND", 3000L, "COUPON", 1001L), total.compensationPaidFenByType());
        assertEquals(2001L, total.costPerRecoveryFen()); // 4001 / 2 = 2000.5, half up
        assertEquals(2 * 3000, total.valueRecoveredFen());
        DailyReport day = job.day(SHOP, today);
        assertEquals(3500, day.byAgent().get(AGENT).compensationPaidFen());
        assertEquals(1750L, day.byAgent().get(AGENT).costPerRecoveryFen());
        assertNull(day.byAgent().get(OTHER_AGENT).costPerRecoveryFen()); // nothing recovered
        assertEquals(1001, day.byProduct().get("SKU-B").compensationPaidFen()); // o2 names no ticket: its open one
        assertEquals(3000, day.byReason().get("QUALITY_DAMAGE").compensationPaidFen());
    }

    @Test
    void valueRecoveredUsesTheShopsBuyerValueAndAvoidedBadReviewCost() {
        job.close();
        ShopSettings d = ShopSettings.defaults();
        job = new JobDriver(new ShopSettings(
                d.zone(),
                PerShop.parse("3000,demo-shop=5000", 3000L, Long::valueOf),
                PerShop.parse("demo-shop=2000", 0L, Long::valueOf),
                d.incentiveNeutralFen(),
                d.incentiveBadFen()));
        openTicket("o1", "t1", "BAD", "SKU-A", "PRICE");
        job.pipe(ticketResolved("o1", "t1", AGENT, "RECOVERED", "BAD", at(today, 12, 0)));

        assertEquals(5000 + 2000, job.total(today).valueRecoveredFen());
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        String review = id();
        var received = reviewReceived("o1", review, "BAD", "SKU-A", at(today, 9, 0), "PRICE");
        var opened = ticketOpened("o1", "t1", review, "BAD", "SKU-A", at(today, 9, 1));
        var paid = compensationApproved("o1", "t1", AGENT, "COUPON", 500, at(today, 10, 0));
        var resolved = ticketResolved("o1", "t1", AGENT, "UNRECOVERED", "BAD", at(today, 11, 0));

        job.pipe(
                received,
                received,
                opened,
                paid,
                opened,
                paid,
                resolved,
                received,
                resolved,
                PublicEvents.redelivered(received, Duration.ofMinutes(10)),
                PublicEvents.redelivered(paid, Duration.ofHours(2)));

        FiguresView total = job.total(today);
        assertEquals(1, total.reviewsReceived());
        assertEquals(1, total.ticketsOpened());
        assertEquals(500, total.compensationPaidFen());
        assertEquals(1, total.unrecovered());
        assertEquals(1, job.day(SHOP, today).byReason().get("PRICE").reviewsReceived());
    }

    @Test
    void anOrderQuietForLongerThanTheRetentionIsForgotten() {
        job.close();
        job = new JobDriver(ShopSettings.defaults(), new Retention(Duration.ofHours(1), Duration.ofDays(2)));
        Instant openedAt = at(today, 8, 1);
        String review = id();
        job.pipe(
                PublicEvents.writtenAt(
                        reviewReceived("o1", review, "BAD", "SKU-A", at(today, 8, 0), "PRICE"), openedAt),
                PublicEvents.writtenAt(ticketOpened("o1", "t1", review, "BAD", "SKU-A", openedAt), openedAt),
                PublicEvents.writtenAt(ticketOpened("o2", "t2", review, "BAD", "SKU-B", openedAt), openedAt));
        // three days of stream time later (another order's event): o1 and o2 are forgotten, o3 is new
        Instant later = openedAt.plus(Duration.ofDays(3));
        job.pipe(
                PublicEvents.writtenAt(ticketOpened("o3", "t3", id(), "BAD", "SKU-C", later), later),
                PublicEvents.writtenAt(ticketResolved("o1", "t1", AGENT, "RECOVERED", "BAD", later), later),
                PublicEvents.writtenAt(ticketResolved("o3", "t3", AGENT, "RECOVERED", "BAD", later), later));

        LocalDate laterDay = later.atZone(SHANGHAI).toLocalDate();
        assertEquals(2, job.total(laterDay).recovered()); // still counted, from the event itself
        assertEquals(Set.of("SKU-C"), job.day(SHOP, laterDay).byProduct().keySet()); // o1's product is no longer known
    }

    @Test
    void eventsCountOnTheLocalDayOfTheShopsZone() {
        job.close();
        ShopSettings d = ShopSettings.defaults();
        job = new JobDriver(new ShopSettings(
                PerShop.parse("Asia/Shanghai,shop-eu=Europe/Berlin", null, ZoneId::of),
                d.buyerValueFen(),
                d.avoidedBadReviewCostFen(),
                d.incentiveNeutralFen(),
                d.incentiveBadFen()));
        Instant lastSecondOfYesterday =
                today.atStartOfDay(SHANGHAI).minusSeconds(1).toInstant();
        Instant midnight = today.atStartOfDay(SHANGHAI).toInstant();
        Instant lastSecondOfToday =
                today.plusDays(1).atStartOfDay(SHANGHAI).minusSeconds(1).toInstant();

        job.pipe(
                reviewReceived("o1", id(), "GOOD", "SKU-A", lastSecondOfYesterday),
                reviewReceived("o2", id(), "GOOD", "SKU-A", midnight),
                reviewReceived("o3", id(), "GOOD", "SKU-A", lastSecondOfToday),
                reviewReceived("shop-eu", "o4", id(), "GOOD", "SKU-A", midnight));

        assertEquals(1, job.total(today.minusDays(1)).reviewsReceived());
        assertEquals(2, job.total(today).reviewsReceived());
        // Shanghai's midnight is the previous evening in Berlin (UTC+1/+2)
        LocalDate berlinDay = midnight.atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
        assertEquals(today.minusDays(1), berlinDay);
        DailyReport eu = job.day("shop-eu", berlinDay);
        assertEquals(1, eu.total().reviewsReceived());
        assertEquals("Europe/Berlin", eu.zone());
    }

    @Test
    void eventsOfOtherTypesAndNonEventsAreIgnored() {
        Instant nine = at(today, 9, 0);
        job.pipe(
                PublicEvents.ofType(PublicEvents.TOPICS.reviews(), "review.revised.v1", "o1", nine),
                PublicEvents.ofType(PublicEvents.TOPICS.tickets(), "ticket.assigned.v1", "o1", nine),
                PublicEvents.ofType(PublicEvents.TOPICS.reviews(), "review.received.v2", "o1", nine),
                PublicEvents.ofType(PublicEvents.TOPICS.compensations(), "compensation.paid.v1", "o1", nine),
                PublicEvents.event(
                        PublicEvents.TOPICS.reviews(),
                        "review.received.v1",
                        "o1",
                        "{not json".getBytes(StandardCharsets.UTF_8)),
                PublicEvents.event(
                        PublicEvents.TOPICS.tickets(),
                        "ticket.opened.v1",
                        "o1",
                        "{\"shopId\":\"demo-shop\"}".getBytes(StandardCharsets.UTF_8)),
                PublicEvents.event(
                        PublicEvents.TOPICS.compensations(), "compensation.approved.v1", "o1", (byte[]) null));
        assertEquals(Set.of(), job.keys());

        job.pipe(reviewReceived("o2", id(), "NEUTRAL", "SKU-A", nine, "A_REASON_FROM_THE_FUTURE"));

        assertEquals(Set.of(SHOP + "|" + today), job.keys());
        assertEquals(1, job.total(today).reviewsReceived());
        assertEquals(1, job.day(SHOP, today).byReason().get("OTHER").neutral()); // an unknown reason reads as OTHER
    }

    @Test
    void theOutputIsKeyedByShopAndLocalDate() {
        job.pipe(reviewReceived("o1", id(), "GOOD", "SKU-A", at(today, 9, 0)));

        DailyReport report = job.day(SHOP, today);
        assertEquals(SHOP, report.shopId());
        assertEquals(today.toString(), report.date());
        assertEquals("Asia/Shanghai", report.zone());
    }

    /** A neutral or bad review and the ticket it opened, this morning. */
    private void openTicket(String orderId, String ticketId, String rating, String sku, String reason) {
        String review = id();
        job.pipe(
                reviewReceived(orderId, review, rating, sku, at(today, 8, 0), reason),
                ticketOpened(orderId, ticketId, review, rating, sku, at(today, 8, 1)));
    }
}
