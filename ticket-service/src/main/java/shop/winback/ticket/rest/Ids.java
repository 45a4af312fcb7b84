package shop.winback.ticket.rest;

/** What identifiers from the shop's systems may look like. */
final class Ids {
    static final String SHOP_ID = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    static final String SHOP_ID_MESSAGE = "must be letters, digits, '.', '_' or '-'";
    static final String PRINTABLE = "^[^\\p{Cntrl}]*$";
    static final String PRINTABLE_MESSAGE = "must not contain control characters";

    private Ids() {
    }
}
