package shop.winback.loadgen;

/** The run could not start (service or broker unreachable, agent creation refused...). Exit code 1. */
public final class SetupException extends Exception {
    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
