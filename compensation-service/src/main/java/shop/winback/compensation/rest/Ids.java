package shop.winback.compensation.rest;

/** What identifiers and labels may look like. */
final class Ids {
    // written as \x escapes, not \p{Cntrl}: the same characters in Java, and a pattern JSON Schema (ECMAScript) tools
    // can compile
    static final String PRINTABLE = "^[^\\x00-\\x1F\\x7F]*$";
    static final String PRINTABLE_MESSAGE = "must not contain control characters";

    private Ids() {}
}
