package shop.winback.ticket.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.winback.ticket.live.LiveEvent.Data;
import shop.winback.ticket.live.LiveFeed.Delivery;

/** The replay rules of the feed, on its own: what a Last-Event-ID gets back, and when it is a reset. */
class LiveFeedTests {

    static final UUID AGENT = UUID.randomUUID();

    static LiveConfig config(int events) {
        return new LiveConfig() {
            public Duration replayWindow() {
                return Duration.ofMinutes(10);
            }

            public int replayEvents() {
                return events;
            }

            public Duration heartbeat() {
                return Duration.ofSeconds(15);
            }

            public int subscriberBuffer() {
                return 100;
            }
        };
    }

    static List<LiveEvent> assigned(UUID agent) {
        Data data = Data.of(UUID.randomUUID(), "shop", "O-1", Instant.EPOCH).agents(agent, null);
        return List.of(LiveEvent.desk(TicketChanges.ASSIGNED, agent, data));
    }

    static AssertSubscriber<Delivery> subscribe(LiveFeed feed, String lastEventId) {
        return feed.subscribe(e -> AGENT.equals(e.deskAgentId()), lastEventId)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(100));
    }

    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aResumeGetsWhatCameAfterItsIdInOrderAndNothingElse() {
        LiveFeed feed = new LiveFeed(config(100), clock);
        feed.assigned("0", 10);
        feed.assigned("c1", 20);
        AssertSubscriber<Delivery> first = subscribe(feed, null);
        feed.received("0", 10, assigned(AGENT));
        feed.received("c1", 20, assigned(UUID.randomUUID())); // someone else's
        String lastId = first.getItems().get(0).id();
        feed.received("c1", 21, assigned(AGENT));
        feed.received("0", 11, assigned(AGENT));
        first.cancel();

        AssertSubscriber<Delivery> again = subscribe(feed, lastId);
        assertThat(again.getItems())
                .extracting(d -> d.event().data().ticketId())
                .containsExactly(
                        first.getItems().get(1).event().data().ticketId(),
                        first.getItems().get(2).event().data().ticketId());
        assertThat(again.getItems().get(1).id())
                .isEqualTo(first.getItems().get(2).id());
        assertThat(feed.subscribers()).isEqualTo(1);
    }

    @Test
    void anIdWhoseEventsAreNoLongerHeldOrUnknownIsAReset() {
        LiveFeed feed = new LiveFeed(config(2), clock);
        feed.assigned("0", 0);
        AssertSubscriber<Delivery> first = subscribe(feed, null);
        feed.received("0", 0, assigned(AGENT));
        String oldId = first.getItems().get(0).id();
        feed.received("0", 1, assigned(AGENT));
        feed.received("0", 2, assigned(AGENT));
        feed.received("0", 3, assigned(AGENT)); // holds 2: offsets 2 and 3, offset 1 is gone

        AssertSubscriber<Delivery> tooOld = subscribe(feed, oldId);
        assertThat(tooOld.getItems()).hasSize(1);
        assertThat(tooOld.getItems().get(0).isReset()).isTrue();
        assertThat(tooOld.getItems().get(0).id()).isEqualTo("0-4");

        assertThat(subscribe(feed, "garbage").getItems())
                .singleElement()
                .satisfies(d -> assertThat(d.isReset()).isTrue());
        assertThat(subscribe(feed, first.getItems().get(1).id()).getItems())
                .as("offset 1's successors are held")
                .hasSize(2);
    }

    @Test
    void aPartitionGivenBackFurtherOnAfterARebalanceIsAResetForWhoMightHaveMissedSomething() {
        LiveFeed feed = new LiveFeed(config(100), clock);
        feed.assigned("0", 0);
        AssertSubscriber<Delivery> s = subscribe(feed, null);
        feed.received("0", 0, assigned(AGENT));
        String before = s.getItems().get(0).id();
        feed.assigned("0", 0); // the same place: nothing missed
        assertThat(s.getItems()).hasSize(1);

        feed.assigned("0", 10); // 1 to 9 went by unread
        assertThat(s.getItems()).hasSize(2);
        assertThat(s.getItems().get(1).isReset()).isTrue();
        assertThat(s.getItems().get(1).id()).isEqualTo("0-10");
        assertThat(subscribe(feed, before).getItems())
                .singleElement()
                .satisfies(d -> assertThat(d.isReset()).isTrue());
    }

    @Test
    void aRecordReadAgainIsNotGivenTwice() {
        LiveFeed feed = new LiveFeed(config(100), clock);
        feed.assigned("0", 5);
        AssertSubscriber<Delivery> s = subscribe(feed, null);
        feed.received("0", 5, assigned(AGENT));
        feed.received("0", 5, assigned(AGENT));
        assertThat(s.getItems()).hasSize(1);
    }

    @Test
    void cursorsRoundTripAndRejectWhatIsNotOne() {
        assertThat(Cursor.decode(Cursor.encode(Map.of("2", 7L, "0", 3L, "c1", 9L))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("0", 3L, "2", 7L, "c1", 9L));
        assertThat(Cursor.encode(Map.of("2", 7L, "0", 3L, "c1", 9L))).isEqualTo("0-3.2-7.c1-9");
        for (String bad : new String[] {"", "x", "0-", "-1", "0-1.0-2", "0--1", "a-1", "c-1", "cc1-2"}) {
            assertThat(Cursor.decode(bad)).as(bad).isNull();
        }
    }
}
