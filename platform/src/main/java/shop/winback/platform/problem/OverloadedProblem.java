package shop.winback.platform.problem;

/**
 * The service cannot take this request now (its queue is full, or no database connection came in
 * time): 503 with Retry-After. Nothing of the request was done, so the client may send it again as is.
 */
public class OverloadedProblem extends ProblemException {

    public static final String TYPE = "urn:winback:problem:overloaded";
    /** What clients are told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public OverloadedProblem(String detail) {
        super(503, TYPE, "Service overloaded", detail);
    }
}
