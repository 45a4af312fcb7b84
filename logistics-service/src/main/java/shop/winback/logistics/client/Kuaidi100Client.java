package shop.winback.logistics.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import shop.winback.logistics.config.LogisticsConfig;
import shop.winback.logistics.domain.Courier;

/**
 * Asks Kuaidi100 where a parcel is. Guarded, outermost first: retries with exponential backoff
 * (transient failures only), a circuit breaker (stop calling a courier system that keeps failing),
 * a rate limit (Kuaidi100 bills and throttles per query), and a timeout per attempt.
 * Every number is overridable per deployment: {@code quarkus.fault-tolerance."shop.winback.logistics.client.Kuaidi100Client/query".retry.max-retries} etc.
 */
@ApplicationScoped
public class Kuaidi100Client {

    /** Kuaidi100's query answers for "nothing known about this number yet" (查询无结果). */
    static final String NO_RESULT = "500";
    /** Server error, server busy: try again. */
    static final Set<String> TRANSIENT = Set.of("501", "502");

    private final Kuaidi100Api api;
    private final LogisticsConfig config;
    private final ObjectMapper json;

    public Kuaidi100Client(@RestClient Kuaidi100Api api, LogisticsConfig config, ObjectMapper json) {
        this.api = api;
        this.config = config;
        this.json = json;
    }

    /** The traces Kuaidi100 knows for the parcel, newest first; empty when it knows none yet. */
    @Retry(
            maxRetries = 3,
            delay = 100,
            jitter = 50,
            retryOn = {CourierUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.5,
            delay = 30_000,
            successThreshold = 1,
            skipOn = {CourierRejectedException.class, RateLimitException.class})
    @RateLimit(value = 20, window = 1, windowUnit = ChronoUnit.SECONDS)
    @Timeout(3000)
    public List<Kuaidi100Trace> query(Courier courier, String trackingNumber) {
        String customer = config.kuaidi100()
                .customer()
                .orElseThrow(() -> new CourierRejectedException("config", "no customer configured"));
        String key =
                config.kuaidi100().key().orElseThrow(() -> new CourierRejectedException("config", "no key configured"));
        String param = param(courier, trackingNumber);
        String answer;
        try {
            answer = api.query(customer, Signatures.kuaidi100Query(param, key, customer), param);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500 || status == 429) {
                throw new CourierUnavailableException("Kuaidi100 answered HTTP " + status, e);
            }
            throw new CourierRejectedException("HTTP " + status, "Kuaidi100 refused the request");
        } catch (ProcessingException e) {
            throw new CourierUnavailableException("Kuaidi100 not reachable: " + e.getMessage(), e);
        }
        return read(answer);
    }

    String param(Courier courier, String trackingNumber) {
        Map<String, String> param = new LinkedHashMap<>();
        param.put("com", courier.kuaidi100Code());
        param.put("num", trackingNumber);
        param.put("resultv2", "1"); // with area names: the station of each scan
        param.put("show", "0");
        param.put("order", "desc");
        try {
            return json.writeValueAsString(param);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Kuaidi100Trace> read(String answer) {
        Kuaidi100Result result;
        try {
            result = Kuaidi100Json.MAPPER.readValue(answer, Kuaidi100Result.class);
        } catch (JsonProcessingException e) {
            throw new CourierUnavailableException("Kuaidi100 answered something that is not its JSON", e);
        }
        if (Boolean.FALSE.equals(result.result()) || result.returnCode() != null) {
            String code = String.valueOf(result.returnCode());
            if (NO_RESULT.equals(code)) {
                return List.of();
            }
            if (TRANSIENT.contains(code)) {
                throw new CourierUnavailableException("Kuaidi100 returnCode " + code + ": " + result.message());
            }
            throw new CourierRejectedException(code, result.message());
        }
        return result.data() == null ? List.of() : result.data();
    }
}
