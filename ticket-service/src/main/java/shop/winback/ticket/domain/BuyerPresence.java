package shop.winback.ticket.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Whether the buyer is online on the shop's chat (旺旺在线), as the order system reports it. */
@Entity
@Table(name = "buyer_presence")
public class BuyerPresence extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "shop_id") String shopId,
            @Column(name = "buyer_id") String buyerId) implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public boolean online;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "last_seen_online_at")
    public Instant lastSeenOnlineAt;

    public static BuyerPresence of(String shopId, String buyerId) {
        return findById(new Key(shopId, buyerId));
    }
}
