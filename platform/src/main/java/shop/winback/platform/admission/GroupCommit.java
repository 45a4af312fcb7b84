package shop.winback.platform.admission;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Group commit with admission control, for writes that arrive as many small concurrent requests.
 *
 * <p>Callers {@link #submit} a unit of work (one request's items) and get a future. One committer
 * thread takes everything that waits — up to {@code maxGroup} items — and hands it to the
 * {@link Committer} as one group: one transaction, one commit, one round of queries for many
 * requests. While a group commits the next one gathers, so the group size follows the load and an
 * idle system answers a single request at once (no fixed delay).
 *
 * <p>The queue is bounded by items: a unit that does not fit is refused at once with
 * {@link OverloadedException} (the caller answers 503 with Retry-After; nothing was done). So is a
 * unit that would wait longer than {@code maxWait}, judged from the groups ahead of it and what a
 * group has recently taken to commit: refused at once rather than accepted, worked on and refused later. A unit
 * that still waited longer than {@code maxWait} before its group started is refused the same way, so
 * accepted work keeps its latency when more arrives than the database takes. A unit is committed
 * whole or not at all. When a group of several units fails for a reason that is not passing, each
 * unit is committed again on its own, so one bad request fails alone.
 *
 * @param <T> an item of a unit
 * @param <R> the result for one item
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    /** Commits a group in one transaction, or throws; returns one result per item, in order. */
    @FunctionalInterface
    public interface Committer<T, R> {
        List<R> commit(List<T> items);
    }

    private record Unit<T, R>(List<T> items, CompletableFuture<List<R>> done, long enqueuedNanos) {}

    private final String name;
    private final int maxQueued;
    private final int maxGroup;
    private final long maxWaitNanos;
    private final Committer<T, R> committer;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Unit<T, R>> queue = new ArrayDeque<>();
    private final Stats stats = new Stats();
    private final Thread thread;
    private int queuedItems;
    /** Recent time a group took to commit (moving average), 0 until one has been committed. */
    private volatile long groupNanos;

    private boolean closed;

    /**
     * @param name      names the committer thread and the log lines
     * @param maxQueued most items waiting at once; beyond, {@link #submit} refuses
     * @param maxGroup  most items committed together (a larger unit is committed alone)
     * @param maxWait   a unit not started within this is refused rather than committed late
     */
    public GroupCommit(String name, int maxQueued, int maxGroup, Duration maxWait, Committer<T, R> committer) {
        this(name, maxQueued, maxGroup, maxWait, committer, System::nanoTime);
    }

    GroupCommit(
            String name,
            int maxQueued,
            int maxGroup,
            Duration maxWait,
            Committer<T, R> committer,
            LongSupplier nanoTime) {
        if (maxQueued < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("maxQueued and maxGroup must be positive");
        }
        this.name = name;
        this.maxQueued = maxQueued;
        this.maxGroup = maxGroup;
        this.maxWaitNanos = maxWait.toNanos();
        this.committer = committer;
        this.nanoTime = nanoTime;
        this.thread = new Thread(this::run, name + "-committer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** What a unit of work is refused with when the queue is full or it waited too long: nothing of it was done. */
    public static final class OverloadedException extends RuntimeException {
        public OverloadedException(String message) {
            super(message, null, false, false); // expected under load: no stack trace to fill
        }
    }

    /** Counters for metrics: units and items committed, groups, units refused. */
    public static final class Stats {
        volatile long groups;
        volatile long units;
        volatile long items;
        volatile long refusedFull;
        volatile long refusedLate;

        public long groups() {
            return groups;
        }

        public long items() {
            return items;
        }

        public long refused() {
            return refusedFull + refusedLate;
        }
    }

    /**
     * Queues a unit; the future completes with one result per item once its group committed, or
     * exceptionally with what the committer threw for it.
     *
     * @throws OverloadedException at once, when the queue holds too many items to take these
     */
    public CompletionStage<List<R>> submit(List<T> items) {
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Unit<T, R> unit = new Unit<>(List.copyOf(items), new CompletableFuture<>(), nanoTime.getAsLong());
        lock.lock();
        try {
            if (closed) {
                throw new OverloadedException(name + " is shutting down");
            }
            refuseIfNoRoom(items.size());
            queue.addLast(unit);
            queuedItems += unit.items.size();
            arrived.signal();
        } finally {
            lock.unlock();
        }
        return unit.done;
    }

    /**
     * Refuses at once when a unit of this many items would not be taken now: for callers with work to
     * do before they submit, so an overloaded service turns a request away before doing any of it.
     */
    public void requireRoom(int items) {
        lock.lock();
        try {
            if (closed) {
                throw new OverloadedException(name + " is shutting down");
            }
            refuseIfNoRoom(items);
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. An empty queue takes any unit, however large: a unit is never refused for its size alone. */
    private void refuseIfNoRoom(int items) {
        if (queuedItems == 0) {
            return;
        }
        if (queuedItems + items > maxQueued) {
            stats.refusedFull++;
            throw new OverloadedException(name + " has " + queuedItems + " items waiting");
        }
        // it starts once the group in hand and the full groups ahead of it are committed
        long expectedWait = (queuedItems / maxGroup + 1) * groupNanos;
        if (expectedWait > maxWaitNanos) {
            stats.refusedFull++;
            throw new OverloadedException(name + " has " + queuedItems + " items waiting, about "
                    + TimeUnit.NANOSECONDS.toMillis(expectedWait) + " ms of work");
        }
    }

    /** Items waiting now. */
    public int queued() {
        lock.lock();
        try {
            return queuedItems;
        } finally {
            lock.unlock();
        }
    }

    public Stats stats() {
        return stats;
    }

    private void run() {
        List<Unit<T, R>> group = new ArrayList<>();
        while (true) {
            try {
                if (!take(group)) {
                    return;
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // never leave a caller hanging, whatever broke
                group.forEach(u -> u.done.completeExceptionally(e));
                Log.errorf(e, "%s: a group failed unexpectedly", name);
            } finally {
                group.clear();
            }
        }
    }

    /** Waits for work and takes a group; false once closed and drained. */
    private boolean take(List<Unit<T, R>> group) throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return false;
                }
                arrived.await(1, TimeUnit.SECONDS);
            }
            int items = 0;
            long now = nanoTime.getAsLong();
            while (!queue.isEmpty()
                    && (items == 0 || items + queue.peekFirst().items.size() <= maxGroup)) {
                Unit<T, R> unit = queue.pollFirst();
                queuedItems -= unit.items.size();
                if (now - unit.enqueuedNanos > maxWaitNanos) {
                    stats.refusedLate++;
                    unit.done.completeExceptionally(new OverloadedException(
                            name + ": waited " + TimeUnit.NANOSECONDS.toMillis(now - unit.enqueuedNanos) + " ms"));
                    continue;
                }
                group.add(unit);
                items += unit.items.size();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Unit<T, R>> group) {
        if (group.isEmpty()) {
            return;
        }
        List<T> items = new ArrayList<>();
        group.forEach(u -> items.addAll(u.items));
        List<R> results;
        long started = nanoTime.getAsLong();
        try {
            results = committer.commit(items);
            learn(nanoTime.getAsLong() - started);
        } catch (RuntimeException e) {
            results = null;
            if (group.size() == 1) {
                group.get(0).done.completeExceptionally(e);
                return;
            }
            Log.debugf(
                    "%s: a group of %d units failed (%s); committing them one by one",
                    name, group.size(), e.toString());
        }
        if (results != null) {
            complete(group, results);
            return;
        }
        for (Unit<T, R> unit : group) {
            List<R> alone;
            try {
                alone = committer.commit(unit.items);
            } catch (RuntimeException e) {
                unit.done.completeExceptionally(e);
                continue;
            }
            complete(List.of(unit), alone);
        }
    }

    /** What a group takes now: a moving average, so the estimate follows the database's pace. */
    private void learn(long nanos) {
        groupNanos = groupNanos == 0 ? nanos : (groupNanos * 3 + nanos) / 4;
    }

    private void complete(List<Unit<T, R>> units, List<R> results) {
        if (results.size() != units.stream().mapToInt(u -> u.items.size()).sum()) {
            IllegalStateException wrong =
                    new IllegalStateException(name + ": the committer returned " + results.size() + " results");
            units.forEach(u -> u.done.completeExceptionally(wrong));
            return;
        }
        stats.groups++;
        int from = 0;
        for (Unit<T, R> unit : units) {
            int to = from + unit.items.size();
            unit.done.complete(List.copyOf(results.subList(from, to)));
            from = to;
            stats.units++;
            stats.items += unit.items.size();
        }
    }

    /** Stops taking work, commits what waits, and stops the committer thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
