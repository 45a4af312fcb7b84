package shop.winback.platform.ratelimit;

import java.time.Duration;

/** The 429 problem a limited caller gets, the same from the HTTP layer and from the REST layer. */
final class TooManyRequests {

    static final String TYPE = "urn:winback:problem:rate-limited";
    static final String TITLE = "Too many requests";

    private TooManyRequests() {}

    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }
}
