package shop.winback.ticket.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A note on the buyer's temperament, for whoever contacts them next (any later ticket). */
@Entity
@Table(name = "buyer_note")
public class BuyerNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "agent_id")
    public UUID agentId;

    @Column(nullable = false)
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<BuyerNote> ofBuyer(String shopId, String buyerId) {
        return list("shopId = ?1 and buyerId = ?2 order by createdAt, id", shopId, buyerId);
    }
}
