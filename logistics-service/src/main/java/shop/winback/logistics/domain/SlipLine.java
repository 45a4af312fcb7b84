package shop.winback.logistics.domain;

/** One line of the packing slip (发货单); {@code outOfStock} when the packer marked it as not packed. */
public record SlipLine(String sku, String title, int quantity, int unitWeightGrams, boolean outOfStock) {}
