package shop.winback.ticket.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One attempt to reach the buyer, as the agent logged it. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    /** The agent who tried; null when a supervisor without an agent profile logged it. */
    @Column(name = "agent_id")
    public UUID agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactOutcome outcome;

    @Column
    public String note;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** The shop's local date of the attempt: calls per buyer are counted per local day. */
    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    public static List<ContactAttempt> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by attemptedAt, id", ticketId);
    }

    /** Phone calls to the buyer on that local day, over all their tickets. */
    public static long callsOn(String shopId, String buyerId, LocalDate day) {
        return count(
                "shopId = ?1 and buyerId = ?2 and localDate = ?3 and channel = ?4",
                shopId,
                buyerId,
                day,
                ContactChannel.PHONE);
    }
}
