package shop.winback.loadgen.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import shop.winback.loadgen.ReviewFactory;
import shop.winback.loadgen.ReviewIds;

/**
 * A trickle of compensation requests (POST /api/v1/compensations), each under its own Idempotency-Key and
 * retried with that key and the same body on a transport failure, a 5xx or a 409 ("still being handled")
 * until another answer comes. The token's manager role grants every one at once: one ledger entry each.
 */
final class CompensationDriver {

    private final RetryingPoster poster;
    private final URI uri;
    private final String shop;
    private final ReviewIds ids;
    private final PacedSender pacer;
    private final ObjectMapper json = new ObjectMapper();
    /** Idempotency-Key → the compensation id of the 2xx answer. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    /** Idempotency-Key → the compensation's status in the 2xx answer. */
    private final Map<String, String> statuses = new ConcurrentHashMap<>();

    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();

    CompensationDriver(
            RetryingPoster poster,
            URI compensationUrl,
            String shop,
            ReviewIds ids,
            ScheduledExecutorService ticker,
            double rate) {
        this.poster = poster;
        this.uri = URI.create(compensationUrl + "/api/v1/compensations");
        this.shop = shop;
        this.ids = ids;
        this.pacer = new PacedSender(ticker, rate, this::send);
    }

    static String key(String shop, int i) {
        return shop + "-C-" + String.format("%07d", i);
    }

    byte[] body(int i) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("orderId", ids.orderId(ReviewIds.Phase.MEASURED, i * 7));
        b.put("type", "COUPON");
        b.put("amountFen", 500 + (i % 10) * 100L);
        // the reviewed order's own amount: compensation-service refuses a figure its reviews contradict (422)
        b.put("orderAmountFen", ReviewFactory.orderAmountFen(i * 7));
        b.put("reason", "QUALITY_DAMAGE");
        b.put("note", "chaos " + i);
        try {
            return json.writeValueAsBytes(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void start() {
        pacer.start();
    }

    int stop() {
        return pacer.stop();
    }

    private void send(int i) {
        pending.incrementAndGet();
        String key = key(shop, i);
        poster.post(uri, body(i), Map.of("Idempotency-Key", key), s -> s >= 500 || s == 409 || s == 408 || s == 429)
                .thenAccept(a -> {
                    String id = null;
                    String status = null;
                    if (a.ok()) {
                        try {
                            JsonNode n = json.readTree(a.body());
                            id = n.path("id").asText(null);
                            status = n.path("status").asText(null);
                        } catch (IOException e) {
                            id = null;
                        }
                    }
                    if (id != null) {
                        accepted.put(key, id);
                        statuses.put(key, status == null ? "?" : status);
                        if (a.attempts() > 1) {
                            replayed.incrementAndGet();
                        }
                    } else {
                        failed.put(key, a.status() + " " + ReviewDriver.abbreviate(a.body()));
                    }
                    pending.decrementAndGet();
                });
    }

    Map<String, String> accepted() {
        return accepted;
    }

    Map<String, String> statuses() {
        return statuses;
    }

    Map<String, String> failed() {
        return failed;
    }

    /** Requests that needed more than one attempt (their final answer may be a replay). */
    int retried() {
        return replayed.get();
    }

    int pending() {
        return pending.get();
    }

    int started() {
        return pacer.started();
    }
}
