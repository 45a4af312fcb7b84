package shop.winback.platform.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import shop.winback.platform.inbox.Inbox.Delivery;

/**
 * What one consumer does with the events of its topic, by type: a handler per type (or per group
 * of types handled together), the types it reads past, and the one rule for any other type (it is
 * unprocessable: dead-lettered). The inbox is applied here, not by handlers: a handler is given
 * only the events its consumer sees for the first time. Built once per consumer, e.g.
 *
 * <pre>{@code
 * EventRoutes.of("reviews.v1.ticket-service.dlq", "ticket-service/reviews")
 *         .on(ReviewReceivedV1.TYPE, this::reviewsReceived)
 *         .on(ReviewRevisedV1.TYPE, ReviewRevisedV1.class, this::reviewsRevised)
 *         .readPast("item.dsr-below-threshold.v1")
 * }</pre>
 *
 * Handlers of one poll run in the order they were declared (a revision after the review it may be
 * of), each given its events in poll order (so in order per partition), all in one transaction.
 */
public final class EventRoutes {

    /** Handles first deliveries of its type(s), in the poll's transaction; reads (or peeks at) the data itself. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<IncomingEvent> events);
    }

    /** Handles first deliveries of its type(s) with their data read and validated by the router. */
    @FunctionalInterface
    public interface DataHandler<T> {
        void handle(List<Received<T>> events);
    }

    /** An event and its data as the consumer's own wire type. */
    public record Received<T>(IncomingEvent event, T data) {}

    /** One handler, the types it takes and the inbox name its events are remembered under (null: none). */
    record Route(String inboxConsumer, Predicate<IncomingEvent> actedOn, Function<EventReader, Handler> handler) {}

    private final String deadLetterTopic;
    private final String inboxConsumer;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final List<Route> order = new ArrayList<>();
    private final Set<String> readPast = new HashSet<>();

    private EventRoutes(String deadLetterTopic, String inboxConsumer) {
        this.deadLetterTopic = deadLetterTopic;
        this.inboxConsumer = inboxConsumer;
    }

    /**
     * @param deadLetterTopic where what cannot be handled goes ({@code <topic>.<service>.dlq})
     * @param inboxConsumer   the name the consumer's events are remembered under in the inbox
     */
    public static EventRoutes of(String deadLetterTopic, String inboxConsumer) {
        return new EventRoutes(deadLetterTopic, inboxConsumer);
    }

    /** The handler reads what it needs of each event (e.g. peeks at one field before reading in full). */
    public EventRoutes on(String type, Handler handler) {
        return add(Set.of(type), inboxConsumer, null, reader -> handler);
    }

    /** The router reads and validates each event's data as {@code data}; an invalid one is unprocessable. */
    public <T> EventRoutes on(String type, Class<T> data, DataHandler<T> handler) {
        return on(Set.of(type), data, handler);
    }

    /** Several types with one wire type, handled together in poll order (e.g. the states of one thing). */
    public <T> EventRoutes on(Collection<String> types, Class<T> data, DataHandler<T> handler) {
        return add(types, inboxConsumer, null, typed(data, handler));
    }

    /**
     * As {@link #on(String, Class, DataHandler)}, for the events {@code actedOn} accepts: the others are read
     * past without an inbox row (e.g. the good reviews a service has no use for, nine in ten).
     */
    public <T> EventRoutes on(String type, Predicate<IncomingEvent> actedOn, Class<T> data, DataHandler<T> handler) {
        return add(Set.of(type), inboxConsumer, actedOn, typed(data, handler));
    }

    /**
     * As {@link #on(String, Class, DataHandler)}, remembered in the inbox under a name of its own: for a type
     * whose events were remembered apart before the router, so a redelivered one is still recognised.
     */
    public <T> EventRoutes on(String type, String inboxConsumer, Class<T> data, DataHandler<T> handler) {
        return add(Set.of(type), inboxConsumer, null, typed(data, handler));
    }

    /**
     * As {@link #on(String, Class, DataHandler)} without the inbox, for a handler whose effect is idempotent by
     * itself (the earliest of several scans wins, say): no inbox row for each event of a frequent type.
     */
    public <T> EventRoutes onIdempotent(String type, Class<T> data, DataHandler<T> handler) {
        return add(Set.of(type), null, null, typed(data, handler));
    }

    /** Types this consumer knows and does not act on. */
    public EventRoutes readPast(String... types) {
        readPast.addAll(List.of(types));
        return this;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    private EventRoutes add(
            Collection<String> types,
            String inbox,
            Predicate<IncomingEvent> actedOn,
            Function<EventReader, Handler> handler) {
        Route route = new Route(inbox, actedOn, handler);
        for (String type : types) {
            if (routes.putIfAbsent(type, route) != null) {
                throw new IllegalStateException("two handlers for event type " + type);
            }
        }
        order.add(route);
        return this;
    }

    private static <T> Function<EventReader, Handler> typed(Class<T> data, DataHandler<T> handler) {
        return reader -> events -> {
            List<Received<T>> received = new ArrayList<>(events.size());
            for (IncomingEvent event : events) {
                received.add(new Received<>(event, reader.read(event, data)));
            }
            handler.handle(received);
        };
    }

    /**
     * The events of a poll this consumer acts on, by handler, in declared order; throws
     * {@link UnprocessableEventException} for a type nobody handles or reads past.
     */
    Routed route(List<IncomingEvent> events) {
        Map<Route, List<IncomingEvent>> byRoute = new LinkedHashMap<>();
        order.forEach(route -> byRoute.put(route, new ArrayList<>()));
        List<Delivery> deliveries = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            Route route = routes.get(event.type());
            if (route == null) {
                if (readPast.contains(event.type())) {
                    continue;
                }
                throw new UnprocessableEventException("no handler for event type " + event.type());
            }
            if (route.actedOn() != null && !route.actedOn().test(event)) {
                continue;
            }
            byRoute.get(route).add(event);
            if (route.inboxConsumer() != null) {
                deliveries.add(new Delivery(route.inboxConsumer(), event.id()));
            }
        }
        return new Routed(byRoute, deliveries);
    }

    /** A poll's events by handler, and what the inbox is asked about them. */
    record Routed(Map<Route, List<IncomingEvent>> byRoute, List<Delivery> deliveries) {

        boolean isEmpty() {
            return byRoute.values().stream().allMatch(List::isEmpty);
        }

        /**
         * Runs each handler with the events among {@code first} (first deliveries), each event once even when
         * the poll carried it twice, in declared order.
         */
        void handle(Set<Delivery> first, EventReader reader) {
            Set<Delivery> unseen = new HashSet<>(first);
            for (Map.Entry<Route, List<IncomingEvent>> entry : byRoute.entrySet()) {
                String inbox = entry.getKey().inboxConsumer();
                List<IncomingEvent> fresh = new ArrayList<>(entry.getValue().size());
                for (IncomingEvent event : entry.getValue()) {
                    if (inbox == null || unseen.remove(new Delivery(inbox, event.id()))) {
                        fresh.add(event);
                    }
                }
                if (!fresh.isEmpty()) {
                    entry.getKey().handler().apply(reader).handle(fresh);
                }
            }
        }
    }
}
