package shop.winback.logistics.client;

/** The courier's system did not answer usefully this time (timeout, 5xx, Kuaidi100 501/502): worth retrying. */
public class CourierUnavailableException extends RuntimeException {
    public CourierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public CourierUnavailableException(String message) {
        super(message);
    }
}
