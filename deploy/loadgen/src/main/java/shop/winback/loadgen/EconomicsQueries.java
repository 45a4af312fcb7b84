package shop.winback.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times ticket-service's {@code GET /api/v1/recovery-economics} (issue 17) for one shop, one call at a time: a month,
 * then a year, each {@link #ROUNDS} times by shop, then by agent, then by product (JSON), every body read to its last
 * byte (counted, not kept: a year by product of a big shop is many megabytes). The report reads per-day counters, so a
 * month should cost the same whatever the history; history mode compares the history shop with its fresh self.
 */
final class EconomicsQueries {

    /** Calls per period and breakdown. */
    static final int ROUNDS = 10;

    static final List<String> BREAKDOWNS = List.of("shop", "agent", "product");
    static final int MONTH_DAYS = 30;
    /** A year and a day: the longest period the API serves, so the whole 365-day history fits with today. */
    static final int YEAR_DAYS = 366;
    /** The shops keep ticket-service's default time zone (history mode sets none). */
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Latencies of the successful calls per period (every breakdown together) and the failed calls. */
    record Measured(LatencySummary month, LatencySummary year, long errors) {}

    private final URI ticketUrl;
    private final String bearer;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    EconomicsQueries(URI ticketUrl, String bearer) {
        this.ticketUrl = ticketUrl;
        this.bearer = bearer;
    }

    /** The request of {@code days} local days up to {@code today}, both included. */
    static String path(LocalDate today, int days, String by) {
        return "/api/v1/recovery-economics?from=" + today.minusDays(days - 1) + "&to=" + today + "&by=" + by
                + "&format=json";
    }

    static LocalDate today() {
        return LocalDate.now(SHOP_ZONE);
    }

    /** Every round of both periods; {@code side} names them in the human lines. */
    Measured measure(String side) throws InterruptedException {
        long[] errors = {0};
        LatencySummary month = period(side, "month", MONTH_DAYS, errors);
        LatencySummary year = period(side, "year", YEAR_DAYS, errors);
        return new Measured(month, year, errors[0]);
    }

    private LatencySummary period(String side, String name, int days, long[] errors) throws InterruptedException {
        LocalDate today = today();
        List<Long> all = new ArrayList<>();
        Map<String, List<Long>> byBreakdown = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        // breakdown after breakdown, product last: should its report take ticket-service down, the others are measured
        for (String by : BREAKDOWNS) {
            for (int round = 0; round < ROUNDS; round++) {
                String path = path(today, days, by);
                long t0 = System.nanoTime();
                try {
                    HttpResponse<InputStream> r = http.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
                    long read = drain(r.body());
                    long nanos = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        errors[0]++;
                        Queueing.say("history: economics %s %s by=%s: HTTP %d", side, name, by, r.statusCode());
                        break; // one failure of a breakdown is enough: a timeout ten times would take twenty minutes
                    }
                    all.add(nanos);
                    byBreakdown.computeIfAbsent(by, k -> new ArrayList<>()).add(nanos);
                    bytes.put(by, read);
                } catch (IOException e) {
                    errors[0]++;
                    Queueing.say(
                            "history: economics %s %s by=%s failed after %.1f s: %s (is ticket-service still up? "
                                    + "a report too big for its heap ends it: see its log for OutOfMemoryError)",
                            side, name, by, (System.nanoTime() - t0) / 1e9, e);
                    break;
                }
            }
        }
        byBreakdown.forEach((by, samples) -> {
            LatencySummary s = summary(samples);
            Queueing.say(
                    "history: economics %s %s by=%s: p50=%s p99=%s ms over %d calls, %d bytes",
                    side, name, by, s.p50Ms(), s.p99Ms(), s.count(), bytes.get(by));
        });
        return summary(all);
    }

    /** The year's totals by shop (reviewsReceived, ticketsOpened …), to check what the history loaded is read back. */
    JsonNode yearTotal() throws SetupException, InterruptedException {
        String path = path(today(), YEAR_DAYS, "shop");
        try {
            HttpResponse<String> r = http.send(request(path), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new SetupException("GET " + path + " answered HTTP " + r.statusCode() + " "
                        + ServiceClient.abbreviate(r.body())
                        + (r.statusCode() == 403
                                ? " (the token needs a role that reads the statistics: supervisor, manager or reporting)"
                                : ""));
            }
            return new ObjectMapper().readTree(r.body()).path("total");
        } catch (IOException e) {
            throw new SetupException("GET " + ticketUrl + path + " failed: " + e, e);
        }
    }

    private HttpRequest request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ticketUrl + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        return b.build();
    }

    private static long drain(InputStream body) throws IOException {
        long n = 0;
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (int r; (r = body.read(buffer)) >= 0; ) {
                n += r;
            }
        }
        return n;
    }

    private static LatencySummary summary(List<Long> samples) {
        return LatencySummary.of(samples.stream().mapToLong(Long::longValue).toArray());
    }
}
