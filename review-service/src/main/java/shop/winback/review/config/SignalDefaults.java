package shop.winback.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The thresholds of review signals when a shop has not set its own (DOMAIN "Reviews";
 * where DOMAIN names no number, ours, documented in the README).
 */
@ConfigMapping(prefix = "review.signals")
public interface SignalDefaults {

    /** Items whose rolling DSR falls below this get proactive follow-up (DOMAIN: 4.8). */
    @WithDefault("4.8")
    double dsrThreshold();

    /** The rolling DSR is the average over this many latest reviews of the item. */
    @WithDefault("30")
    int dsrWindowReviews();

    /** Fewer reviews than this say nothing about an item yet. */
    @WithDefault("5")
    int dsrMinReviews();

    /** The same complaint about one item from this many buyers … */
    @WithDefault("3")
    int alertBuyers();

    /** … within this window is a production problem. */
    @WithDefault("72h")
    Duration alertWindow();

    /** How far back a buyer's history in the shop is read. */
    @WithDefault("90d")
    Duration suspicionWindow();

    /** This many neutral/bad reviews in the window is a sign. */
    @WithDefault("3")
    int suspicionMinNegative();

    /** A share of neutral/bad reviews this high (over at least 3 reviews) is a sign. */
    @WithDefault("0.5")
    double suspicionNegativeShare();

    /** An account younger than this is a sign. */
    @WithDefault("30d")
    Duration suspicionYoungAccount();

    /** Score (0..1) from which a buyer is suspected and routed to a supervisor. */
    @WithDefault("0.6")
    double suspicionThreshold();
}
