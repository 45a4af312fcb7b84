package shop.winback.ticket.domain;

/** Something the agent still has to do before a ticket can end well. */
public enum PendingTask {
    /** The buyer revised the rating but the words still complain: ask them to update the text too. */
    ASK_BUYER_TO_UPDATE_TEXT
}
