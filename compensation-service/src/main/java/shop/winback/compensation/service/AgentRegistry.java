package shop.winback.compensation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.compensation.domain.Tier;
import shop.winback.platform.jdbc.Jdbc;

/**
 * The shop's agents as ticket-service hired them (agent.hired.v1 on agents.v1), and the tier that is each
 * one's authority: an agent token is trusted for who the agent is, this registry for what they may grant.
 * Written a poll at a time (one batch of upserts), each event once (the consumer's inbox).
 */
@ApplicationScoped
public class AgentRegistry {

    private final DataSource dataSource;

    public AgentRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Hired(String shopId, UUID agentId, Tier tier, Instant hiredAt) {}

    @Transactional
    public void record(List<Hired> fresh) {
        // keyed by agent id, so a later event about the agent comes after an earlier one: the latest wins
        Jdbc.batch(dataSource, """
                INSERT INTO agent_registry (shop_id, agent_id, tier, hired_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (shop_id, agent_id) DO UPDATE SET tier = excluded.tier, hired_at = excluded.hired_at""", fresh, (insert, h) -> {
            insert.setString(1, h.shopId());
            insert.setObject(2, h.agentId());
            insert.setString(3, h.tier().name());
            Jdbc.setInstant(insert, 4, h.hiredAt());
        });
    }

    /** The agent's tier as ticket-service hired them; empty for an agent the shop never hired (or not yet heard of). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tier> tierOf(String shopId, UUID agentId) {
        return Jdbc.query(
                        dataSource,
                        "SELECT tier FROM agent_registry WHERE shop_id = ? AND agent_id = ?",
                        (select, connection) -> {
                            select.setString(1, shopId);
                            select.setObject(2, agentId);
                        },
                        row -> Tier.valueOf(row.getString(1)))
                .stream()
                .findFirst();
    }
}
