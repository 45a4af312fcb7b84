package shop.winback.ticket.domain;

/** Presence: only ONLINE agents receive new tickets. */
public enum AgentStatus {
    ONLINE,
    AWAY,
    OFFLINE
}
