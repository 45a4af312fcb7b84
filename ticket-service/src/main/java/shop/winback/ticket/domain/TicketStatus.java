package shop.winback.ticket.domain;

public enum TicketStatus {
    /** Opened, nobody with free capacity yet: assigned the moment someone has room. */
    WAITING,
    /** An agent is working it. */
    ASSIGNED,
    /** Done; frees the agent's capacity. */
    CLOSED
}
