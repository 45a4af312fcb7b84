package shop.winback.logistics.domain;

/** An item the buyer says is missing, and how many of it. */
public record MissingItem(String sku, int quantity) {}
