package shop.winback.ticket.stats;

/** How the figures are broken down: the whole shop, or per agent, product (SKU) or complaint reason. */
public enum Breakdown {
    SHOP,
    AGENT,
    PRODUCT,
    REASON
}
