package shop.winback.ticket.domain;

public enum ContactOutcome {
    REACHED,
    NO_ANSWER,
    REFUSED,
    AGREED_TO_REVISE
}
