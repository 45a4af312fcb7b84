package shop.winback.compensation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Service-wide settings (the per-shop numbers are in {@link ShopDefaults}). */
@ConfigMapping(prefix = "compensation")
public interface CompensationConfig {

    /** Topic for compensation events (public contract: ticket-service and reporting read it). */
    @WithDefault("compensations.v1")
    String topic();

    /** Topic logistics-service publishes parcel and claim events on. */
    @WithDefault("logistics.v1")
    String logisticsTopic();

    /** Where logistics.v1 records this service cannot process go: {@code <topic>.<consumer group>.dlq}. */
    @WithDefault("${compensation.logistics-topic}.compensation-service.dlq")
    String logisticsDeadLetterTopic();

    /** Topic review-service publishes reviews on: the order facts quotes and compensations are decided from. */
    @WithDefault("reviews.v1")
    String reviewsTopic();

    /** Where reviews.v1 records this service cannot process go: {@code <topic>.<consumer group>.dlq}. */
    @WithDefault("${compensation.reviews-topic}.compensation-service.dlq")
    String reviewsDeadLetterTopic();

    /** Topic ticket-service publishes its agents on: the agent registry, whose tier is an agent's authority. */
    @WithDefault("agents.v1")
    String agentsTopic();

    /** Where agents.v1 records this service cannot process go: {@code <topic>.<consumer group>.dlq}. */
    @WithDefault("${compensation.agents-topic}.compensation-service.dlq")
    String agentsDeadLetterTopic();

    /** Currency of every amount (amounts are integer fen). */
    @WithDefault("CNY")
    String currency();

    /** The shops' time zone: what "a day" (daily quotas, accounts by day) and "a month" mean. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Approval approval();

    Payout payout();

    interface Approval {
        /** A request PENDING at supervisor level this long without a decision is escalated to the manager. */
        @WithDefault("30m")
        Duration escalateAfter();

        /** How often the escalation job looks (read by the @Scheduled expression). */
        @WithDefault("1m")
        Duration escalationInterval();
    }

    interface Payout {
        /** Failed executions reported by the shop platform before a payout stays FAILED (manual attention). */
        @WithDefault("5")
        int maxAttempts();
    }
}
