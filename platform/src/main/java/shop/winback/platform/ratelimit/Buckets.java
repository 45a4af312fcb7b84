package shop.winback.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket (Bucket4j, in memory, per instance) for each caller that called lately. A bucket that has
 * refilled completely holds no memory worth keeping: it is dropped and made again on the caller's next request,
 * so forged identities cannot grow the map for long.
 */
@ApplicationScoped
public class Buckets {

    private record Limited(Bucket bucket, long capacity) {}

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    /** Takes one request from the caller's bucket; how long to wait when it is empty, else zero. */
    public Duration take(String caller, long capacity, Duration refillPeriod) {
        Limited limited = buckets.computeIfAbsent(
                caller,
                k -> new Limited(
                        Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(capacity)
                                        .refillGreedy(capacity, refillPeriod)
                                        .build())
                                .build(),
                        capacity));
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** How long the caller must wait before its next request would be taken (zero when it may call now). */
    public Duration waitOf(String caller) {
        Limited limited = buckets.get(caller);
        if (limited == null) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(limited.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleCallers() {
        buckets.values().removeIf(l -> l.bucket().getAvailableTokens() >= l.capacity());
    }
}
