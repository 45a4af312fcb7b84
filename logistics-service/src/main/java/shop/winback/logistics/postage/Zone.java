package shop.winback.logistics.postage;

/** How far a parcel goes, which sets its price. */
public enum Zone {
    /** Within one province. */
    LOCAL,
    /** Between provinces of one region (华东, 华南, 东北 …). */
    REGIONAL,
    /** Between regions. */
    NATIONAL,
    /** To or from a remote province (偏远地区), whatever the distance. */
    REMOTE
}
