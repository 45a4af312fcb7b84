package shop.winback.platform.messaging;

/**
 * An event that can never be processed as sent (unparseable, missing fields, unknown type).
 * Retrying cannot help: it goes straight to the dead-letter topic with this message as reason.
 */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
