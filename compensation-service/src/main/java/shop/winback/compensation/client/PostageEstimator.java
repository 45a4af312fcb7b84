package shop.winback.compensation.client;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import shop.winback.compensation.quote.Postage;

/**
 * The return postage of a parcel: logistics-service's estimate, or — when it is slow, down, or
 * answers nonsense — the fallback table ({@link PostageTable}). A quote never fails for want of it.
 * Whether the buyer lives in a remote area is logistics-service's answer (the shop's own list there,
 * down to cities); the fallback's provinces are the same defaults, for when it cannot be asked.
 * Timeout 1 s per attempt, one retry, a circuit breaker that stops calling a failing service for 10 s.
 */
@ApplicationScoped
public class PostageEstimator {

    private final LogisticsClient logistics;
    private final PostageTable table;

    public PostageEstimator(@RestClient LogisticsClient logistics, PostageTable table) {
        this.logistics = logistics;
        this.table = table;
    }

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "fromTable")
    public Postage estimate(
            String authorization, String courier, String from, String to, String toCity, int weightGrams) {
        LogisticsClient.PostageAnswer answer = logistics.postage(authorization, courier, from, to, toCity, weightGrams);
        if (answer == null || answer.totalFen() == null || answer.totalFen() < 0) {
            throw new IllegalStateException("logistics-service answered without a usable totalFen");
        }
        boolean remote = answer.remote() != null ? answer.remote() : table.isRemote(to);
        return new Postage(courier, from, to, weightGrams, answer.totalFen(), remote, Postage.FROM_LOGISTICS);
    }

    Postage fromTable(
            String authorization,
            String courier,
            String from,
            String to,
            String toCity,
            int weightGrams,
            Throwable failure) {
        Log.debugf("Postage from the fallback table (%s)", failure.toString());
        return table.estimate(courier, from, to, weightGrams);
    }
}
