package shop.winback.loadgen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts many reviews through POST /api/v1/reviews:batch as fast as the service takes them (closed loop, a few
 * requests at a time): for queueing a backlog, not for measuring ingest. A failed batch (a timeout, a 503 of an
 * overloaded review-service) is sent again as it was, after a pause (its reviews come back as duplicates if the first
 * attempt was stored after all); a review rejected is a setup error.
 */
final class BulkPoster {

    /** One batch: reviews {@code from … from+size-1} of a shop's factory, with the shop's token ("Bearer …"). */
    record Job(ReviewFactory factory, int from, int size, String bearer) {}

    /** Attempts per batch: review-service answers 503 (Retry-After) when its capture line is full. */
    static final int ATTEMPTS = 10;

    private final ServiceClient client;
    private final int inFlight;

    BulkPoster(ServiceClient client, int inFlight) {
        this.client = client;
        this.inFlight = inFlight;
    }

    /** Cuts {@code count} reviews of a shop into jobs of at most {@code batch}. */
    static void jobs(List<Job> into, ReviewFactory factory, int count, int batch, String bearer) {
        for (int from = 0; from < count; from += batch) {
            into.add(new Job(factory, from, Math.min(batch, count - from), bearer));
        }
    }

    /** @return reviews accepted (created or duplicate) */
    long post(List<Job> jobs, java.util.function.LongConsumer progress) throws SetupException, InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong accepted = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, "bulk-poster");
            t.setDaemon(true);
            return t;
        });
        try {
            postAll(jobs, permits, accepted, failure, pool, progress);
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw new SetupException("queueing reviews failed: " + failure.get());
        }
        return accepted.get();
    }

    private void postAll(
            List<Job> jobs,
            Semaphore permits,
            AtomicLong accepted,
            AtomicReference<String> failure,
            java.util.concurrent.ExecutorService pool,
            java.util.function.LongConsumer progress)
            throws InterruptedException {
        for (Job job : jobs) {
            permits.acquire();
            if (failure.get() != null) {
                permits.release();
                break;
            }
            pool.execute(() -> {
                try {
                    accepted.addAndGet(postOne(job));
                    progress.accept(accepted.get());
                } catch (SetupException e) {
                    failure.compareAndSet(null, e.getMessage());
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, "interrupted");
                    Thread.currentThread().interrupt();
                } finally {
                    permits.release();
                }
            });
        }
        permits.acquire(inFlight);
    }

    private long postOne(Job job) throws SetupException, InterruptedException {
        byte[] body = body(job);
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ServiceClient.BatchOutcome o;
            try {
                o = client.postBatch(body, job.size(), job.bearer()).get();
            } catch (ExecutionException e) {
                o = new ServiceClient.BatchOutcome(0, String.valueOf(e.getCause()), null, null);
            }
            if (o.ok()) {
                long ok = 0;
                for (int i = 0; i < job.size(); i++) {
                    ServiceClient.ItemOutcome item = o.items()[i];
                    if (item == ServiceClient.ItemOutcome.CREATED || item == ServiceClient.ItemOutcome.DUPLICATE) {
                        ok++;
                    } else {
                        throw new SetupException("review " + (job.from() + i) + " of a batch was not accepted: " + item
                                + (o.reasons()[i] == null ? "" : " (" + o.reasons()[i] + ")"));
                    }
                }
                return ok;
            }
            last = "HTTP " + o.status() + " " + o.failure();
            Thread.sleep(Math.min(5_000L, 500L * attempt));
        }
        throw new SetupException("a batch of " + job.size() + " reviews failed " + ATTEMPTS + " times; last: " + last);
    }

    static byte[] body(Job job) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(job.size() * 640 + 16);
        out.writeBytes("{\"reviews\":[".getBytes(StandardCharsets.US_ASCII));
        for (int j = 0; j < job.size(); j++) {
            if (j > 0) {
                out.write(',');
            }
            out.writeBytes(job.factory().body(ReviewIds.Phase.MEASURED, job.from() + j));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
