package shop.winback.loadgen.chaos;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Calls {@code send(i)} for i = 0, 1, 2, … at a steady {@code rate} per second from {@link #start} until
 * {@link #stop}; the number due is always floor(elapsed × rate), so a late tick catches up instead of
 * lowering the rate. Whatever {@code send} starts is the caller's to track.
 */
final class PacedSender {

    static final Duration TICK = Duration.ofMillis(50);

    private final ScheduledExecutorService ticker;
    private final double rate;
    private final IntConsumer send;
    private final AtomicInteger next = new AtomicInteger();
    private volatile ScheduledFuture<?> task;
    private long startNanos;

    PacedSender(ScheduledExecutorService ticker, double rate, IntConsumer send) {
        this.ticker = ticker;
        this.rate = rate;
        this.send = send;
    }

    void start() {
        if (rate <= 0) {
            return;
        }
        startNanos = System.nanoTime();
        task = ticker.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many {@code send(i)} are due {@code elapsedNanos} after the start. */
    static int due(long elapsedNanos, double rate) {
        return (int) Math.floor(elapsedNanos / 1e9 * rate);
    }

    private void tick() {
        int due = due(System.nanoTime() - startNanos, rate);
        while (next.get() < due) {
            send.accept(next.getAndIncrement());
        }
    }

    /** Stops sending; returns how many were started. */
    int stop() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
            // the ticker runs one tick at a time: once this returns no tick is running any more
            try {
                ticker.submit(() -> {}).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }
        return next.get();
    }

    int started() {
        return next.get();
    }
}
