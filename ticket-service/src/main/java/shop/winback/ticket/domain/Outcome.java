package shop.winback.ticket.domain;

/** How a ticket ended. */
public enum Outcome {
    /** The buyer revised every review of the ticket to good (words included): credited to the agent. */
    RECOVERED,
    /** The agent cleared the misunderstanding; the review stays as it is. */
    EXPLAINED,
    /** The buyer would not revise; the reason is recorded. */
    UNRECOVERED,
    /** Nothing to do (e.g. opened by mistake, order cancelled). */
    CANCELLED
}
