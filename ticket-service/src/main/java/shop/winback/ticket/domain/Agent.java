package shop.winback.ticket.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shop_id", nullable = false)
    public String shopId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    /** Most tickets this agent works at once. */
    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Shift shift = Shift.ANY;

    /** Product categories this agent knows; none = takes any category. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] skills = new String[0];

    @Column(name = "open_tickets", nullable = false)
    public int openTickets;

    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean hasRoom() {
        return openTickets < capacity;
    }
}
