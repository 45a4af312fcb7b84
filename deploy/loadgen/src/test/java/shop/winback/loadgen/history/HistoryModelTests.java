package shop.winback.loadgen.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HistoryModelTests {

    // the model's own "now", passed in: every assertion is relative to it and no real clock is read
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void tenPercentNegativeTheNewestOpen() {
        HistoryModel m = new HistoryModel("bench-abc123", 20_000, 500, NOW);
        long negative = 0;
        long open = 0;
        long lastClosedRank = -1;
        long firstOpenRank = Long.MAX_VALUE;
        for (long i = 0; i < m.reviews(); i++) {
            if (m.negative(i)) {
                negative++;
                if (m.open(i)) {
                    open++;
                    firstOpenRank = Math.min(firstOpenRank, m.negativeRank(i));
                } else {
                    lastClosedRank = Math.max(lastClosedRank, m.negativeRank(i));
                }
            } else {
                assertFalse(m.open(i));
                assertEquals(HistoryModel.Rating.GOOD, m.originalRating(i));
            }
        }
        assertEquals(2_000, negative);
        assertEquals(m.negatives(), negative);
        assertEquals(500, open);
        assertTrue(lastClosedRank < firstOpenRank, "open tickets are the newest");
        assertEquals(1_500, m.closedTickets());
    }

    @Test
    void moreOpenTicketsThanATenthMakeMoreNegatives() {
        HistoryModel m = new HistoryModel("s", 2_000, 1_000, NOW);
        assertEquals(1_000, m.negatives());
        assertEquals(0, m.closedTickets());
        assertThrows(IllegalArgumentException.class, () -> new HistoryModel("s", 10, 11, NOW));
    }

    @Test
    void agentCountersMatchTheTicketsTheyHold() {
        HistoryModel m = new HistoryModel("bench-abc123", 50_000, 4_321, NOW);
        long[] counted = new long[m.agents()];
        for (long i = 0; i < m.reviews(); i++) {
            if (m.open(i)) {
                counted[m.agentOf(i)]++;
            }
        }
        assertEquals(java.util.Arrays.toString(counted), java.util.Arrays.toString(m.openTicketsPerAgent()));
        for (long c : counted) {
            assertTrue(c <= m.capacity(), "no history agent holds more than its capacity");
        }
        assertEquals(10, m.agents(), "at least ten");
        assertEquals(50, new HistoryModel("s", 1_000_000, 100_000, NOW).agents(), "2,000 open tickets each");
    }

    @Test
    void timesLieInTheLastYearInOrder() {
        HistoryModel m = new HistoryModel("bench-abc123", 10_000, 1_000, NOW);
        Instant previous = Instant.MIN;
        for (long i = 0; i < m.reviews(); i++) {
            Instant created = m.createdAt(i);
            assertTrue(!created.isBefore(NOW.minus(HistoryModel.SPAN)) && created.isBefore(NOW), created.toString());
            assertTrue(!created.isBefore(previous), "older reviews first");
            previous = created;
            assertTrue(m.receivedAt(i).isAfter(created));
            if (m.negative(i)) {
                assertTrue(!m.openedAt(i).isBefore(m.receivedAt(i)));
                assertTrue(m.openedAt(i).isBefore(NOW));
                if (!m.open(i)) {
                    assertTrue(m.closedAt(i).isAfter(m.openedAt(i)));
                    assertNotNull(m.outcome(i));
                } else {
                    assertNull(m.closedAt(i));
                }
                if (m.recovered(i)) {
                    assertEquals(HistoryModel.Rating.GOOD, m.currentRating(i));
                    assertTrue(m.closedAt(i).isAfter(m.revisedAt(i)));
                    assertEquals("RECOVERED", m.outcome(i));
                }
            }
        }
    }

    @Test
    void openTicketsPastADeadlineWereEscalatedAsTheSlaWatchWould() {
        HistoryModel m = new HistoryModel("bench-abc123", 20_000, 2_000, NOW);
        long resolution = 0;
        long firstContact = 0;
        for (long i = 0; i < m.reviews(); i++) {
            Instant r = m.resolutionEscalatedAt(i);
            Instant f = m.firstContactEscalatedAt(i);
            if (!m.open(i)) {
                assertNull(r, "closed tickets leave the scan anyway");
                assertNull(f);
                continue;
            }
            assertEquals(!m.resolutionDueAt(i).plusSeconds(5).isAfter(NOW), r != null);
            if (r != null) {
                resolution++;
                assertTrue(r.isAfter(m.resolutionDueAt(i)) && !r.isAfter(NOW));
            }
            if (f != null) {
                firstContact++;
                assertNull(m.firstContactAt(i), "only a ticket never contacted in time");
            }
        }
        assertTrue(resolution > 1_900, "nearly all open tickets of a year-long history are past 48 business hours");
        assertTrue(
                firstContact > 100 && firstContact < 300,
                "about a tenth were never contacted in time: " + firstContact);
    }

    @Test
    void idsAreStableUniqueAndVersion4() {
        HistoryModel m = new HistoryModel("bench-abc123", 30_000, 100, NOW);
        Set<UUID> seen = new HashSet<>();
        for (long i = 0; i < m.reviews(); i++) {
            assertTrue(seen.add(m.reviewId(i)));
            assertTrue(seen.add(m.ticketId(i)));
            assertTrue(seen.add(m.receivedEventId(i)));
        }
        assertEquals(4, m.reviewId(7).version());
        assertEquals(2, m.reviewId(7).variant());
        assertEquals(m.reviewId(7), new HistoryModel("bench-abc123", 30_000, 100, NOW).reviewId(7), "a pure function");
        assertFalse(m.reviewId(7).equals(new HistoryModel("bench-abc124", 30_000, 100, NOW).reviewId(7)), "per shop");
        assertTrue(m.platformReviewId(999_999).length() <= 64 - 48 + "bench-abc123".length());
    }

    @Test
    void theBenchItemsAreAmongTheMostReviewed() {
        HistoryModel m = new HistoryModel("bench-abc123", 100_000, 0, NOW);
        long benchItems = 0;
        for (long i = 0; i < m.reviews(); i++) {
            if (m.skuIndex(i) < 50) {
                benchItems++;
            }
        }
        assertTrue(benchItems > m.reviews() / 5, "SKU-0 … SKU-49 carry a big share: " + benchItems);
    }

    @Test
    void fingerprintIsReviewServicesWordsOnly() {
        assertEquals("衣服有破洞质量太差了", HistoryModel.fingerprint("衣服有破洞，质量太差了"));
        assertEquals("abc", HistoryModel.fingerprint(" A-b C! "));
        assertNull(HistoryModel.fingerprint("！！"));
        assertNull(HistoryModel.fingerprint(null));
    }
}
