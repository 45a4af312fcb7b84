package shop.winback.compensation.domain;

/** The review being recovered: 中评 or 差评. */
public enum Rating {
    NEUTRAL,
    BAD
}
