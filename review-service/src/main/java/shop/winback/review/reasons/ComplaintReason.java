package shop.winback.review.reasons;

/**
 * Why a buyer left a neutral or bad review, as far as the review text says. The reasons follow
 * the three dynamic scores (description, service, shipping) split finely enough that each
 * points to whom a win-back agent talks to: production, the warehouse, the courier, the shop's
 * own customer service, whoever takes the listing's pictures.
 *
 * <p>A public value set (review-service's asyncapi.yaml): add reasons, never rename or remove one.
 */
public enum ComplaintReason {
    /** The item is defective or badly made: 破洞, 开线, 掉色, 起球, 做工差, 坏了. */
    QUALITY_DAMAGE,
    /** Wrong size or fit: 尺码偏小, 偏大, 太长, 不合身. */
    SIZE_FIT,
    /** The item differs from the listing, or is fake: 与描述不符, 材质不一样, 假货, 发错款. */
    NOT_AS_DESCRIBED,
    /** The colour differs from the listing's pictures: 色差, 颜色和图片不一样, 比图片深 (since 1.2.0; before, NOT_AS_DESCRIBED). */
    COLOUR_DIFFERENCE,
    /** Fewer items, parts or gifts than ordered, or nothing though shown as signed for: 少发, 漏发, 少了一件, 显示签收没收到. */
    MISSING_ITEM,
    /** Parcel or packaging damaged on the way: 包裹破损, 压坏, 箱子烂了. */
    PARCEL_DAMAGED,
    /** Slow dispatch or delivery: 发货慢, 物流慢, 几天才到, 还没发货. */
    SLOW_SHIPPING,
    /** How the courier behaved, however fast: 快递员态度差, 不送上门, 扔门口, 没打电话就签收 (since 1.2.0; before, SLOW_SHIPPING). */
    COURIER_CONDUCT,
    /** The shop's customer service: 客服态度差, 不理人, 不回复, 态度恶劣. */
    SERVICE_ATTITUDE,
    /** Too expensive, not worth it, cheaper after buying: 贵, 降价, 不值这个价. */
    PRICE,
    /** No reason recognised in the text (also no text at all). */
    OTHER
}
