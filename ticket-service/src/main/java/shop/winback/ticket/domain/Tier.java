package shop.winback.ticket.domain;

/** 客服分级: authority grows down the list. */
public enum Tier {
    /** 售前 answers buyers before purchase. */
    PRE_SALES,
    /** 售中 parcel queries and problem orders. */
    IN_SALES,
    /** 售后 returns, exchanges, damage, missing items. */
    AFTER_SALES,
    /** 中差评 contacts buyers who left neutral or bad reviews and wins them back. */
    REVIEW_RECOVERY,
    /** 主管 approves what exceeds an agent's authority, handles escalations. */
    SUPERVISOR,
    /** 经理 / 店长 the shop owner. */
    MANAGER
}
