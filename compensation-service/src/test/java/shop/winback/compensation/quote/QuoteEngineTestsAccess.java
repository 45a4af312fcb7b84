package shop.winback.compensation.quote;

import shop.winback.compensation.settings.ShopSettings;

/** DOMAIN's default numbers for tests outside this package. */
public final class QuoteEngineTestsAccess {
    private QuoteEngineTestsAccess() {}

    public static ShopSettings defaults() {
        return QuoteEngineTests.DEFAULTS;
    }
}
