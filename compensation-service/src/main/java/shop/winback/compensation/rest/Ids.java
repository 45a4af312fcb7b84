package shop.winback.compensation.rest;

/** What identifiers and labels may look like. */
final class Ids {
    static final String PRINTABLE = "^[^\\p{Cntrl}]*$";
    static final String PRINTABLE_MESSAGE = "must not contain control characters";

    private Ids() {
    }
}
