package shop.winback.ticket.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import shop.winback.platform.jdbc.ColumnArrays;
import shop.winback.platform.jdbc.Jdbc;
import shop.winback.platform.jdbc.TransactionLocks;
import shop.winback.ticket.domain.Agent;
import shop.winback.ticket.domain.AgentStatus;
import shop.winback.ticket.domain.Shift;
import shop.winback.ticket.domain.Ticket;
import shop.winback.ticket.domain.TicketReview;
import shop.winback.ticket.domain.Tier;

/**
 * The hot path of new tickets in plain JDBC on the transaction's connection: a poll of reviews costs
 * one statement per step for all its shops together (what is known of the reviews, the agents, the
 * inserts, the agents' counters), not one per ticket, and none of the ORM's flush machinery. Everything
 * else about tickets stays with the entities.
 */
@ApplicationScoped
public class TicketStore {

    private final DataSource dataSource;
    private final TransactionLocks locks;

    public TicketStore(DataSource dataSource, TransactionLocks locks) {
        this.dataSource = dataSource;
        this.locks = locks;
    }

    /** One review to open a ticket for, as far as the lookups need it. */
    public record Incoming(String shopId, UUID reviewId, String orderId, String buyerId) {}

    /**
     * What the shops already hold for these reviews.
     *
     * @param onTicket        "shop\0review id" of reviews already on a ticket (republished under another event id)
     * @param openTickets     "shop\0order id" → the order's open ticket
     * @param lastAgents      "shop\0buyer id" → the agent of the buyer's latest assigned ticket
     */
    public record Known(Set<String> onTicket, Map<String, UUID> openTickets, Map<String, UUID> lastAgents) {}

    public static String key(String shopId, Object id) {
        return shopId + '\u0000' + id;
    }

    private static final String KNOWN = """
            SELECT 'R', k.shop_id, k.review_id::text, NULL::uuid
              FROM unnest(?::text[], ?::uuid[]) AS k(shop_id, review_id)
              JOIN ticket_review r ON r.shop_id = k.shop_id AND r.review_id = k.review_id
            UNION ALL
            SELECT 'O', t.shop_id, t.order_id, t.id
              FROM unnest(?::text[], ?::text[]) AS k(shop_id, order_id)
              JOIN ticket t ON t.shop_id = k.shop_id AND t.order_id = k.order_id AND t.status <> 'CLOSED'
            UNION ALL
            SELECT 'B', k.shop_id, k.buyer_id, last.agent_id
              FROM unnest(?::text[], ?::text[]) AS k(shop_id, buyer_id)
              CROSS JOIN LATERAL (SELECT agent_id FROM ticket t
                                  WHERE t.shop_id = k.shop_id AND t.buyer_id = k.buyer_id AND t.agent_id IS NOT NULL
                                  ORDER BY t.assigned_at DESC LIMIT 1) last""";

    /** Reviews already on tickets, open tickets of the orders, buyers' last agents: one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Known known(List<Incoming> reviews) {
        Known known = new Known(new HashSet<>(), new HashMap<>(), new HashMap<>());
        if (reviews.isEmpty()) {
            return known;
        }
        Pairs<UUID> byReview = new Pairs<>();
        Pairs<String> byOrder = new Pairs<>();
        Pairs<String> byBuyer = new Pairs<>();
        for (Incoming r : reviews) {
            byReview.add(r.shopId(), r.reviewId());
            byOrder.add(r.shopId(), r.orderId());
            byBuyer.add(r.shopId(), r.buyerId());
        }
        Jdbc.query(
                dataSource,
                KNOWN,
                (q, c) -> {
                    q.setArray(1, c.createArrayOf("text", byReview.shops()));
                    q.setArray(2, c.createArrayOf("uuid", byReview.ids()));
                    q.setArray(3, c.createArrayOf("text", byOrder.shops()));
                    q.setArray(4, c.createArrayOf("text", byOrder.ids()));
                    q.setArray(5, c.createArrayOf("text", byBuyer.shops()));
                    q.setArray(6, c.createArrayOf("text", byBuyer.ids()));
                },
                rs -> {
                    String k = key(rs.getString(2), rs.getString(3));
                    switch (rs.getString(1)) {
                        case "R" -> known.onTicket().add(k);
                        case "O" -> known.openTickets().put(k, rs.getObject(4, UUID.class));
                        default -> known.lastAgents().put(k, rs.getObject(4, UUID.class));
                    }
                    return k;
                });
        return known;
    }

    /** Serialises the dispatch decisions of these shops until the transaction ends (see {@link TransactionLocks}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShops(Collection<String> shopIds) {
        locks.lockAll(shopIds.stream().map(s -> "dispatch:" + s).toList());
    }

    /**
     * The agents who may be routed to now (those with room) and the supervisors who are online
     * (a supervisor's ticket goes to a manager only while none is on shift), by shop; and which
     * shops have tickets waiting.
     */
    public record Staff(Map<String, List<Agent>> online, Set<String> queueWaiting) {}

    /**
     * ONLINE review-recovery agents, supervisors and managers with room, and ONLINE supervisors
     * without, of these shops (shifts are the caller's to check), and whether each shop has tickets waiting. One round trip; the caller holds
     * the shops' locks, so the counters read are the ones to update.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Staff staff(Collection<String> shopIds) {
        Staff staff = new Staff(new HashMap<>(), new HashSet<>());
        if (shopIds.isEmpty()) {
            return staff;
        }
        Jdbc.query(
                dataSource,
                """
                SELECT s.shop_id, a.id, a.name, a.tier, a.capacity, a.open_tickets, a.shift, a.skills, a.last_assigned_at,
                       a.created_at, a.updated_at,
                       EXISTS (SELECT 1 FROM ticket t WHERE t.shop_id = s.shop_id AND t.status = 'WAITING') AS waiting
                FROM unnest(?::text[]) AS s(shop_id)
                LEFT JOIN agent a ON a.shop_id = s.shop_id AND a.status = 'ONLINE'
                                 AND (a.tier IN ('REVIEW_RECOVERY', 'SUPERVISOR', 'MANAGER') AND a.open_tickets < a.capacity
                                      OR a.tier = 'SUPERVISOR')""",
                (q, c) -> q.setArray(
                        1, c.createArrayOf("text", shopIds.stream().distinct().toArray(String[]::new))),
                rs -> {
                    String shop = rs.getString(1);
                    if (rs.getBoolean(12)) {
                        staff.queueWaiting().add(shop);
                    }
                    List<Agent> agents = staff.online().computeIfAbsent(shop, s -> new ArrayList<>());
                    if (rs.getObject(2) != null) {
                        agents.add(agent(shop, rs));
                    }
                    return shop;
                });
        return staff;
    }

    private static Agent agent(String shop, ResultSet rs) throws SQLException {
        Agent a = new Agent();
        a.id = rs.getObject(2, UUID.class);
        a.shopId = shop;
        a.name = rs.getString(3);
        a.tier = Tier.valueOf(rs.getString(4));
        a.capacity = rs.getInt(5);
        a.openTickets = rs.getInt(6);
        a.status = AgentStatus.ONLINE;
        a.shift = Shift.valueOf(rs.getString(7));
        Array skills = rs.getArray(8);
        a.skills = skills == null ? new String[0] : (String[]) skills.getArray();
        a.lastAssignedAt = Jdbc.instant(rs, 9);
        a.createdAt = Jdbc.instant(rs, 10);
        a.updatedAt = Jdbc.instant(rs, 11);
        return a;
    }

    /** One statement for all new tickets of a transaction, a column an array ({@link ColumnArrays}). */
    private static final String INSERT_TICKET = """
            INSERT INTO ticket (id, shop_id, order_id, review_id, platform_review_id, buyer_id, buyer_province, buyer_city,
                                buyer_phone_masked, buyer_phone_sealed, buyer_address_sealed, item_sku, item_title,
                                item_category, buyer_vip, rating, order_amount_fen, distinct_items, required_tier,
                                preferred_agent_id, priority, status, agent_id, review_created_at, opened_at, assigned_at,
                                first_contact_due_at, resolution_due_at, queue_due_at, complaint_reasons, credit_fen)
            SELECT id, shop_id, order_id, review_id, platform_review_id, buyer_id, buyer_province, buyer_city,
                   buyer_phone_masked, buyer_phone_sealed, buyer_address_sealed, item_sku, item_title,
                   item_category, buyer_vip, rating, order_amount_fen, distinct_items, required_tier,
                   preferred_agent_id, priority, status, agent_id, review_created_at, opened_at, assigned_at,
                   first_contact_due_at, resolution_due_at, queue_due_at, complaint_reasons::text[], 0
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::bool[], ?::text[], ?::int8[], ?::int4[], ?::text[],
                        ?::uuid[], ?::int8[], ?::text[], ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[],
                        ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[])
                 WITH ORDINALITY AS t(id, shop_id, order_id, review_id, platform_review_id, buyer_id, buyer_province,
                                      buyer_city, buyer_phone_masked, buyer_phone_sealed, buyer_address_sealed, item_sku,
                                      item_title, item_category, buyer_vip, rating, order_amount_fen, distinct_items,
                                      required_tier, preferred_agent_id, priority, status, agent_id, review_created_at,
                                      opened_at, assigned_at, first_contact_due_at, resolution_due_at, queue_due_at,
                                      complaint_reasons, n)
            ORDER BY n""";

    /** New tickets, waiting or already assigned: one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return;
        }
        Jdbc.update(
                dataSource,
                INSERT_TICKET,
                (insert, c) -> new ColumnArrays<>(insert, c, tickets)
                        .add("uuid", t -> t.id)
                        .add("text", t -> t.shopId)
                        .add("text", t -> t.orderId)
                        .add("uuid", t -> t.reviewId)
                        .add("text", t -> t.platformReviewId)
                        .add("text", t -> t.buyerId)
                        .add("text", t -> t.buyerProvince)
                        .add("text", t -> t.buyerCity)
                        .add("text", t -> t.buyerPhoneMasked)
                        .add("text", t -> t.buyerPhoneSealed)
                        .add("text", t -> t.buyerAddressSealed)
                        .add("text", t -> t.itemSku)
                        .add("text", t -> t.itemTitle)
                        .add("text", t -> t.itemCategory)
                        .add("bool", t -> t.buyerVip)
                        .add("text", t -> t.rating.name())
                        .add("int8", t -> t.orderAmountFen)
                        .add("int4", t -> t.distinctItems)
                        .add("text", t -> t.requiredTier.name())
                        .add("uuid", t -> t.preferredAgentId)
                        .add("int8", t -> t.priority)
                        .add("text", t -> t.status.name())
                        .add("uuid", t -> t.agentId)
                        .add("timestamptz", t -> ColumnArrays.timestamp(t.reviewCreatedAt))
                        .add("timestamptz", t -> ColumnArrays.timestamp(t.openedAt))
                        .add("timestamptz", t -> ColumnArrays.timestamp(t.assignedAt))
                        .add("timestamptz", t -> ColumnArrays.timestamp(t.firstContactDueAt))
                        .add("timestamptz", t -> ColumnArrays.timestamp(t.resolutionDueAt))
                        .add("timestamptz", t -> ColumnArrays.timestamp(t.queueDueAt))
                        .add("text", t -> ColumnArrays.textArray(t.complaintReasons)));
    }

    /** The reviews tickets carry: one statement, after their tickets (foreign key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertReviews(List<TicketReview> reviews) {
        if (reviews.isEmpty()) {
            return;
        }
        Jdbc.update(
                dataSource,
                """
                INSERT INTO ticket_review (shop_id, review_id, ticket_id, platform_review_id, item_sku, item_title, rating,
                                           current_rating, text_still_negative, review_created_at, joined_at,
                                           goods_received_at, goods_worn_or_used, goods_photo_urls, complaint_reasons,
                                           dsr_description, dsr_service, dsr_shipping)
                SELECT shop_id, review_id, ticket_id, platform_review_id, item_sku, item_title, rating,
                       current_rating, false, review_created_at, joined_at,
                       goods_received_at, goods_worn_or_used, goods_photo_urls::text[], complaint_reasons::text[],
                       dsr_description, dsr_service, dsr_shipping
                FROM unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::timestamptz[], ?::timestamptz[],
                            ?::timestamptz[], ?::bool[], ?::text[], ?::text[],
                            ?::int2[], ?::int2[], ?::int2[])
                     WITH ORDINALITY AS r(shop_id, review_id, ticket_id, platform_review_id, item_sku, item_title, rating,
                                          current_rating, review_created_at, joined_at, goods_received_at,
                                          goods_worn_or_used, goods_photo_urls, complaint_reasons, dsr_description,
                                          dsr_service, dsr_shipping, n)
                ORDER BY n""",
                (insert, c) -> new ColumnArrays<>(insert, c, reviews)
                        .add("text", r -> r.key.shopId())
                        .add("uuid", r -> r.key.reviewId())
                        .add("uuid", r -> r.ticketId)
                        .add("text", r -> r.platformReviewId)
                        .add("text", r -> r.itemSku)
                        .add("text", r -> r.itemTitle)
                        .add("text", r -> r.rating.name())
                        .add("text", r -> r.currentRating.name())
                        .add("timestamptz", r -> ColumnArrays.timestamp(r.reviewCreatedAt))
                        .add("timestamptz", r -> ColumnArrays.timestamp(r.joinedAt))
                        .add("timestamptz", r -> ColumnArrays.timestamp(r.goodsReceivedAt))
                        .add("bool", r -> r.goodsWornOrUsed)
                        .add("text", r -> ColumnArrays.textArray(r.goodsPhotoUrls))
                        .add("text", r -> ColumnArrays.textArray(r.complaintReasons))
                        .add("int2", r -> r.dsrDescription)
                        .add("int2", r -> r.dsrService)
                        .add("int2", r -> r.dsrShipping));
    }

    /**
     * Counts the new tickets on the agents' desks: {@code assigned} more each. The caller holds
     * the shops' locks; the agents are those {@link #staff} read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(Map<Agent, Integer> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        Jdbc.batch(dataSource, """
                UPDATE agent SET open_tickets = open_tickets + ?, last_assigned_at = ?, updated_at = ? WHERE id = ?""", assigned.entrySet(), (update, e) -> {
            Agent a = e.getKey();
            update.setInt(1, e.getValue());
            Jdbc.setInstant(update, 2, a.lastAssignedAt);
            Jdbc.setInstant(update, 3, a.updatedAt);
            update.setObject(4, a.id);
        });
    }

    /** Distinct (shop, id) pairs as two parallel arrays, for unnest. */
    private static final class Pairs<T> {
        private final Set<String> seen = new HashSet<>();
        private final List<String> shops = new ArrayList<>();
        private final List<T> ids = new ArrayList<>();

        void add(String shop, T id) {
            if (id != null && seen.add(key(shop, id))) {
                shops.add(shop);
                ids.add(id);
            }
        }

        Object[] shops() {
            return shops.toArray();
        }

        Object[] ids() {
            return ids.toArray();
        }
    }
}
