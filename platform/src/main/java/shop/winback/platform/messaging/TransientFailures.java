package shop.winback.platform.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Failures that say nothing about the event and pass by themselves: the database away or
 * overloaded, a serialization failure or deadlock. Retried without limit rather than dead-lettered.
 */
public final class TransientFailures {

    /** SQLSTATE classes and codes: connection exception, insufficient resources, operator intervention. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");
    /** serialization_failure, deadlock_detected, lock_not_available */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state)
                        || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
