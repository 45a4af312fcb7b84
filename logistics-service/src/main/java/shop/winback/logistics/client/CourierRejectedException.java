package shop.winback.logistics.client;

/**
 * Kuaidi100 refused the query for a reason retrying will not fix: 400 (incomplete data or
 * unknown company), 408 (phone check failed), 503 (bad signature), 601 (key expired or no balance).
 */
public class CourierRejectedException extends RuntimeException {

    private final String returnCode;

    public CourierRejectedException(String returnCode, String message) {
        super("Kuaidi100 returnCode " + returnCode + ": " + message);
        this.returnCode = returnCode;
    }

    public String returnCode() {
        return returnCode;
    }
}
