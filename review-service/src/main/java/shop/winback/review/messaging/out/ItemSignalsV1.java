package shop.winback.review.messaging.out;

import java.time.Instant;
import java.util.List;

/** Events about an item rather than one review, on {@code reviews.v1} keyed by the order that tipped it. */
public final class ItemSignalsV1 {

    private ItemSignalsV1() {}

    /** The item's rolling DSR fell below the shop's threshold: follow up its shipped orders before they are reviewed. */
    public record ItemDsrBelowThresholdV1(
            String shopId,
            String itemSku,
            String itemTitle,
            double description,
            double service,
            double shipping,
            double threshold,
            int reviews,
            Instant at) {
        public static final String TYPE = "item.dsr-below-threshold.v1";
    }

    /** Several buyers complained of the same thing about one item within a short window: a production problem. */
    public record ProductProblemAlertV1(
            String shopId,
            String itemSku,
            String itemTitle,
            String reason,
            int buyers,
            int windowHours,
            List<String> evidence,
            Instant at) {
        public static final String TYPE = "product.problem-alert.v1";
    }
}
