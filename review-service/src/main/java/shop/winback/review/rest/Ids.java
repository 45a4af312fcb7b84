package shop.winback.review.rest;

/** What identifiers from the shop's systems may look like. */
final class Ids {
    static final String SHOP_ID = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    static final String SHOP_ID_MESSAGE = "must be letters, digits, '.', '_' or '-'";
    /** Anything printable: platform ids vary, but control characters are never legitimate. */
    // written as \x escapes, not \p{Cntrl}: the same characters in Java, and a pattern JSON Schema (ECMAScript) tools
    // can compile
    static final String PRINTABLE = "^[^\\x00-\\x1F\\x7F]*$";

    static final String PRINTABLE_MESSAGE = "must not contain control characters";
    /** An http or https link without spaces or control characters (\x escapes too, for the same reason). */
    static final String WEB_LINK = "^https?://[^\\s\\x00-\\x1F\\x7F]+$";

    private Ids() {}
}
