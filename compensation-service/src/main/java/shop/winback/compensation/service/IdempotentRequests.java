package shop.winback.compensation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import shop.winback.compensation.domain.Compensation;
import shop.winback.platform.problem.ProblemException;

/**
 * Stripe-style idempotency keys for requests that create a compensation. The key is claimed with
 * the hash of the canonical request (body and requester) in the same transaction that creates the
 * compensation and records the answer; a concurrent duplicate waits on the key's unique index and
 * then replays the committed answer. Same key, same request → the original status and body; same
 * key, another request → 422.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String MISMATCH = "urn:winback:problem:idempotency-key-reused";

    private final CompensationDesk desk;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentRequests(CompensationDesk desk, EntityManager em, ObjectMapper json, Clock clock) {
        this.desk = desk;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** The answer to give: the status, the JSON body, the compensation, and whether it is a replay. */
    public record Answer(int status, String body, UUID compensationId, boolean replayed) {}

    private record Canonical(String requester, String tier, NewCompensation request) {}

    @Transactional
    public Answer create(
            String shopId,
            String key,
            Requester who,
            NewCompensation request,
            OrderCases.Assessment assessment,
            Function<Compensation, Object> view) {
        String hash = hash(new Canonical(who.id(), who.tier().name(), request));
        int claimed = em.createNativeQuery("""
                        INSERT INTO idempotency_key (shop_id, idem_key, request_hash, created_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (shop_id, idem_key) DO NOTHING""")
                .setParameter(1, shopId)
                .setParameter(2, key)
                .setParameter(3, hash)
                .setParameter(4, Instant.now(clock))
                .executeUpdate();
        if (claimed == 0) {
            return replay(shopId, key, hash);
        }
        Compensation c = desk.request(shopId, who, request, assessment);
        String body = toJson(view.apply(c));
        em.createNativeQuery("""
                        UPDATE idempotency_key SET response_status = ?3, response_body = ?4, compensation_id = ?5
                        WHERE shop_id = ?1 AND idem_key = ?2""")
                .setParameter(1, shopId)
                .setParameter(2, key)
                .setParameter(3, 201)
                .setParameter(4, body)
                .setParameter(5, c.id)
                .executeUpdate();
        return new Answer(201, body, c.id, false);
    }

    private Answer replay(String shopId, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT request_hash, response_status, response_body, compensation_id FROM idempotency_key
                        WHERE shop_id = ?1 AND idem_key = ?2""")
                .setParameter(1, shopId)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            // cannot happen once the claiming transaction committed; a rolled-back claim leaves no row
            throw new ProblemException(
                    409,
                    "urn:winback:problem:idempotency-key-in-use",
                    "Request in progress",
                    "A request with this Idempotency-Key is still being handled; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(
                    422,
                    MISMATCH,
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        return new Answer(((Number) row[1]).intValue(), (String) row[2], (UUID) row[3], true);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(Canonical canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(toJson(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
