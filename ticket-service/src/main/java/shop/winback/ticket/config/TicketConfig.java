package shop.winback.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ticket")
public interface TicketConfig {

    /** Topic for ticket events (public contract: reporting jobs read it). */
    @WithDefault("tickets.v1")
    String topic();

    /** Topic for agent events (agent.hired.v1): compensation-service's agent registry is kept from it. */
    @WithDefault("agents.v1")
    String agentsTopic();

    /** Topic review-service publishes reviews on. */
    @WithDefault("reviews.v1")
    String reviewsTopic();

    /** Where reviews.v1 records this service cannot process go: {@code <topic>.<consumer group>.dlq}. */
    @WithDefault("${ticket.reviews-topic}.ticket-service.dlq")
    String reviewsDeadLetterTopic();

    /** How often each instance looks for breached service levels ({@code off} disables; tests drive it themselves). */
    @WithDefault("10s")
    String slaScanInterval();

    /** How often each instance looks for shops whose shift has just started or ended, to hand out their queue at once. */
    @WithDefault("5s")
    String shiftChangeCheckInterval();

    /** How often each instance checks whether a shop's day shift has started and its handover is due. */
    @WithDefault("1m")
    String handoverCheckInterval();
}
