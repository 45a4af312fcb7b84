package shop.winback.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shop.winback.platform.inbox.Inbox.Delivery;

class EventRoutesTests {

    record Revision(@NotBlank String reviewId) {}

    final EventReader reader = new EventReader(
            new ObjectMapper(), Validation.buildDefaultValidatorFactory().getValidator());
    final List<String> handled = new ArrayList<>();
    /** The inbox's memory across polls. */
    final Set<Delivery> remembered = new HashSet<>();

    final EventRoutes routes = EventRoutes.of("reviews.v1.test.dlq", "test/reviews")
            .on("review.received.v1", events -> events.forEach(e -> handled.add("received " + e.id())))
            .on(
                    "review.revised.v1",
                    "test/revisions",
                    Revision.class,
                    events -> events.forEach(
                            e -> handled.add("revised " + e.data().reviewId())))
            .on(
                    "agent.hired.v1",
                    e -> !e.data().contains("\"skip\""),
                    Revision.class,
                    events ->
                            events.forEach(e -> handled.add("hired " + e.event().id())))
            .onIdempotent(
                    "parcel.scanned.v1",
                    Revision.class,
                    events -> events.forEach(
                            e -> handled.add("scanned " + e.event().id())))
            .readPast("item.dsr-below-threshold.v1");

    static IncomingEvent event(String id, String type, String data) {
        return new IncomingEvent(id, type, "/test", null, null, "O-1", data, "reviews.v1", 0, 7L);
    }

    /** What the router does with a poll, the inbox played by a set. */
    void poll(IncomingEvent... events) {
        EventRoutes.Routed routed = routes.route(List.of(events));
        Set<Delivery> first = new HashSet<>();
        for (Delivery delivery : routed.deliveries()) {
            if (remembered.add(delivery)) {
                first.add(delivery);
            }
        }
        routed.handle(first, reader);
    }

    @Test
    void handlersRunInTheOrderTheyWereDeclaredEachWithItsEventsInPollOrder() {
        poll(
                event("e-3", "review.revised.v1", "{\"reviewId\": \"R-1\"}"),
                event("e-1", "review.received.v1", "{}"),
                event("e-4", "item.dsr-below-threshold.v1", "{}"),
                event("e-2", "review.received.v1", "{}"));

        assertThat(handled).containsExactly("received e-1", "received e-2", "revised R-1");
    }

    @Test
    void anEventSeenBeforeOrTwiceInOnePollReachesItsHandlerOnce() {
        poll(event("e-1", "review.received.v1", "{}"));
        poll(
                event("e-1", "review.received.v1", "{}"),
                event("e-2", "review.received.v1", "{}"),
                event("e-2", "review.received.v1", "{}"));

        assertThat(handled).containsExactly("received e-1", "received e-2");
    }

    @Test
    void eachTypeIsRememberedUnderItsOwnInboxName() {
        EventRoutes.Routed routed = routes.route(List.of(
                event("e-1", "review.received.v1", "{}"),
                event("e-2", "review.revised.v1", "{\"reviewId\": \"R-1\"}")));

        assertThat(routed.deliveries())
                .containsExactly(new Delivery("test/reviews", "e-1"), new Delivery("test/revisions", "e-2"));
    }

    @Test
    void eventsNotActedOnAndIdempotentOnesAskTheInboxNothing() {
        EventRoutes.Routed routed = routes.route(List.of(
                event("e-1", "agent.hired.v1", "{\"reviewId\": \"skip\"}"),
                event("e-2", "agent.hired.v1", "{\"reviewId\": \"A-1\"}"),
                event("e-3", "parcel.scanned.v1", "{\"reviewId\": \"S-1\"}"),
                event("e-4", "item.dsr-below-threshold.v1", "{}")));

        assertThat(routed.deliveries()).containsExactly(new Delivery("test/reviews", "e-2"));
        routed.handle(Set.of(new Delivery("test/reviews", "e-2")), reader);
        assertThat(handled).containsExactly("hired e-2", "scanned e-3");
    }

    @Test
    void aPollOfOnlyTypesReadPastOrNotActedOnIsEmpty() {
        assertThat(routes.route(List.of(
                                event("e-1", "item.dsr-below-threshold.v1", "{}"),
                                event("e-2", "agent.hired.v1", "{\"reviewId\": \"skip\"}")))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aTypeNobodyHandlesOrReadsPastIsUnprocessable() {
        assertThatThrownBy(
                        () -> poll(event("e-1", "review.received.v1", "{}"), event("e-2", "review.deleted.v1", "{}")))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("no handler for event type review.deleted.v1");
        assertThat(handled).as("nothing of the poll handled").isEmpty();
    }

    @Test
    void dataTheRouterReadsIsValidatedAndAnInvalidEventIsUnprocessable() {
        assertThatThrownBy(() -> poll(event("e-1", "review.revised.v1", "{\"reviewId\": \" \"}")))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("reviewId");
    }

    @Test
    void aTypeHasOneHandler() {
        assertThatThrownBy(
                        () -> EventRoutes.of("t.dlq", "c").on("a.v1", e -> {}).on("a.v1", e -> {}))
                .isInstanceOf(IllegalStateException.class);
    }
}
