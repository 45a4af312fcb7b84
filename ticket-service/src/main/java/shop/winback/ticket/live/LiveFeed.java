package shop.winback.ticket.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * This instance's view of tickets.v1 (and of compensations.v1, for approvals) for the live streams: the events of the last few minutes, held in memory for
 * reconnecting subscribers, and the subscribers themselves. Every instance reads the whole topic (its own consumer
 * group), so it does not matter which instance a client is connected to. Nothing is written anywhere: the events
 * are the committed changes the outbox already published.
 *
 * <p>Each subscriber has a {@link Cursor}; an event's {@code id:} is the subscriber's cursor after it. A reconnect
 * with that id gets every held event after it, in order, or first {@code reset} when some were no longer held.
 */
@ApplicationScoped
public class LiveFeed {

    /** The events of one record, at its place: the partition's {@link Cursor} key and the offset. */
    record Entry(String partition, long offset, Instant receivedAt, List<LiveEvent> events) {}

    /** What a subscriber is sent: an event with its resume id; {@code reset} has no event. */
    public record Delivery(String id, LiveEvent event) {
        public boolean isReset() {
            return event == null;
        }
    }

    private final LiveConfig config;
    private final Clock clock;
    private final ArrayDeque<Entry> held = new ArrayDeque<>();
    private int heldEvents;
    /** Per partition, the offset of the next record this instance will read. */
    private final Map<String, Long> next = new HashMap<>();
    /** Per partition, the offset from which every record's events are still held. */
    private final Map<String, Long> floor = new HashMap<>();

    /** Added to under the lock (with the replay); removed without it, by a stream's end on its own thread. */
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    public LiveFeed(LiveConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * The live consumer was given the partition, reading from this offset on: nothing before it is held. Given it
     * again after a rebalance further on than it had read (it never commits, so it starts at the end), the records
     * in between are unknown here: connected streams are told {@code reset}, and ids from before it are too old.
     */
    synchronized void assigned(String partition, long position) {
        Long expected = next.get(partition);
        if (expected != null && position <= expected) {
            return; // what it reads again is skipped (received)
        }
        next.put(partition, position);
        floor.put(partition, position);
        if (expected != null) {
            for (Subscriber s : subscribers) {
                s.cursor.put(partition, position);
                s.emitter.emit(new Delivery(Cursor.encode(s.cursor), null));
            }
        }
    }

    /** Whether the live consumers have been given their partitions of both topics yet (until then they read nothing). */
    public synchronized boolean reading() {
        return next.keySet().stream().anyMatch(k -> k.startsWith(Cursor.COMPENSATIONS))
                && next.keySet().stream().anyMatch(k -> !k.startsWith(Cursor.COMPENSATIONS));
    }

    /** One record of tickets.v1 and what it means on the streams (often nothing). */
    synchronized void received(String partition, long offset, List<LiveEvent> events) {
        if (!next.containsKey(partition)) {
            floor.put(partition, offset);
        } else if (offset < next.get(partition)) {
            return; // read again after a rebalance: already given out
        }
        next.put(partition, offset + 1);
        if (events.isEmpty()) {
            return;
        }
        Entry entry = new Entry(partition, offset, clock.instant(), events);
        held.addLast(entry);
        heldEvents += events.size();
        for (Subscriber s : subscribers) {
            s.offer(entry);
        }
        evict();
    }

    /**
     * The events that concern a subscriber, from now on; with a {@code Last-Event-ID}, first the held ones after it,
     * or {@code reset} when it is unknown or too old.
     */
    public Multi<Delivery> subscribe(Predicate<LiveEvent> concerns, String lastEventId) {
        return Multi.createFrom().emitter(emitter -> attach(concerns, lastEventId, emitter), config.subscriberBuffer());
    }

    private synchronized void attach(
            Predicate<LiveEvent> concerns, String lastEventId, MultiEmitter<? super Delivery> emitter) {
        evict();
        Map<String, Long> resumed = Cursor.decode(lastEventId);
        Subscriber subscriber;
        if (resumed != null && allHeldAfter(resumed)) {
            subscriber = new Subscriber(concerns, new HashMap<>(resumed), emitter);
            held.forEach(subscriber::offer);
        } else {
            subscriber = new Subscriber(concerns, new HashMap<>(next), emitter);
            if (lastEventId != null) {
                emitter.emit(new Delivery(Cursor.encode(subscriber.cursor), null));
            }
        }
        subscribers.add(subscriber);
        emitter.onTermination(() -> detach(subscriber));
    }

    private void detach(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** Every event after the cursor is still here: for each partition read, the cursor is not before what is held. */
    private boolean allHeldAfter(Map<String, Long> cursor) {
        return !floor.isEmpty()
                && floor.entrySet().stream().allMatch(f -> cursor.getOrDefault(f.getKey(), 0L) >= f.getValue());
    }

    private void evict() {
        Instant oldest = clock.instant().minus(config.replayWindow());
        while (!held.isEmpty()
                && (heldEvents > config.replayEvents()
                        || held.peekFirst().receivedAt().isBefore(oldest))) {
            Entry gone = held.removeFirst();
            heldEvents -= gone.events().size();
            floor.merge(gone.partition(), gone.offset() + 1, Math::max);
        }
    }

    /** A stream's filter, its place in the topic and where its events go. */
    private static final class Subscriber {
        final Predicate<LiveEvent> concerns;
        final Map<String, Long> cursor;
        final MultiEmitter<? super Delivery> emitter;

        Subscriber(Predicate<LiveEvent> concerns, Map<String, Long> cursor, MultiEmitter<? super Delivery> emitter) {
            this.concerns = concerns;
            this.cursor = cursor;
            this.emitter = emitter;
        }

        /** Gives the entry's events that concern it, unless its cursor is already past them (a resume id from an instance ahead). */
        void offer(Entry entry) {
            if (entry.offset() < cursor.getOrDefault(entry.partition(), 0L)) {
                return;
            }
            cursor.put(entry.partition(), entry.offset() + 1);
            String id = null;
            for (LiveEvent event : entry.events()) {
                if (concerns.test(event)) {
                    if (id == null) {
                        id = Cursor.encode(cursor);
                    }
                    emitter.emit(new Delivery(id, event));
                }
            }
        }
    }
}
