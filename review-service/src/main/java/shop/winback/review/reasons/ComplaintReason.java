package shop.winback.review.reasons;

/**
 * Why a buyer left a neutral or bad review, as far as the review text says. The reasons follow
 * the three dynamic scores (description, service, shipping) split finely enough that each
 * points to whom a win-back agent talks to: production, the warehouse, the courier, the shop's
 * own customer service.
 */
public enum ComplaintReason {
    /** The item is defective or badly made: 破洞, 开线, 掉色, 起球, 做工差, 坏了. */
    QUALITY_DAMAGE,
    /** Wrong size or fit: 尺码偏小, 偏大, 太长, 不合身. */
    SIZE_FIT,
    /** Colour or item differs from the listing, or is fake: 色差, 颜色不对, 和图片不一样, 与描述不符, 假货. */
    NOT_AS_DESCRIBED,
    /** Fewer items, parts or gifts than ordered: 少发, 漏发, 少了一件. */
    MISSING_ITEM,
    /** Parcel or packaging damaged on the way: 包裹破损, 压坏, 箱子烂了. */
    PARCEL_DAMAGED,
    /** Slow dispatch or delivery, and the courier's conduct: 发货慢, 物流慢, 几天才到, 快递员态度. */
    SLOW_SHIPPING,
    /** The shop's customer service: 客服态度差, 不理人, 不回复, 态度恶劣. */
    SERVICE_ATTITUDE,
    /** Too expensive, not worth it, cheaper after buying: 贵, 降价, 不值这个价. */
    PRICE,
    /** No reason recognised in the text (also no text at all). */
    OTHER
}
