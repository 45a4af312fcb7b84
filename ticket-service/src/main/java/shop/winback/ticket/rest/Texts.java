package shop.winback.ticket.rest;

/** Free text from a request: trimmed, and blank means not given. */
final class Texts {

    private Texts() {}

    static String orNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
