package shop.winback.ticket.domain;

/** How the agent tried to reach the buyer. Phone first (DOMAIN); only phone calls count against the daily cap. */
public enum ContactChannel {
    PHONE,
    /** The shop's chat (旺旺). */
    IM,
    SMS
}
