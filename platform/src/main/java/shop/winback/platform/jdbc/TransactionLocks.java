package shop.winback.platform.jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Locks named by the caller and held until the current transaction ends (PostgreSQL's transaction-level advisory
 * locks), for what row locks cannot say: "one dispatch decision per shop at a time", "one request at a time against
 * a requester's daily quota". Several keys are taken in sorted order in one round trip, so two transactions locking
 * overlapping sets wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class TransactionLocks {

    private static final String LOCK_IN_ORDER = """
            SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0))
                                  FROM unnest(?::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n) AS locked""";

    private final DataSource dataSource;

    public TransactionLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waits for the lock named {@code key}, then holds it until the transaction commits or rolls back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String key) {
        lockAll(List.of(key));
    }

    /** As {@link #lock}, for every key, taken in sorted order (duplicates once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String[] sorted = keys.stream().distinct().sorted().toArray(String[]::new);
        Jdbc.query(
                dataSource,
                LOCK_IN_ORDER,
                (q, c) -> q.setArray(1, c.createArrayOf("text", sorted)),
                rs -> rs.getLong(1));
    }
}
