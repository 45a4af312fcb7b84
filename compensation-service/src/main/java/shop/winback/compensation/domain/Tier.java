package shop.winback.compensation.domain;

/** 客服分级: authority grows down the list. */
public enum Tier {
    /** 售前: may round off about 1 % of the order, a few times a day. */
    PRE_SALES,
    /** 售中: small discounts alone. */
    IN_SALES,
    /** 售后: returns, resends, small gifts; small amounts alone. */
    AFTER_SALES,
    /** 中差评: the standard offers (中评 5 元, 差评 10 元). */
    REVIEW_RECOVERY,
    /** 主管: approves what exceeds an agent's authority, up to the supervisor limit. */
    SUPERVISOR,
    /** 经理 / 店长: unlimited. */
    MANAGER
}
