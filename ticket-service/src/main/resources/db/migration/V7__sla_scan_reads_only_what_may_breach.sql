-- The SLA scan reads only tickets that may still breach: a breach escalates once (ticket_escalation's
-- key), and from then on the ticket leaves the scan's index, as does a handed-over ticket once it is
-- touched. So a scan costs what is due now, not what was ever overdue.
ALTER TABLE ticket
    ADD COLUMN first_contact_escalated_at timestamptz,
    ADD COLUMN resolution_escalated_at    timestamptz,
    ADD COLUMN handover_escalated_at      timestamptz;

UPDATE ticket t SET first_contact_escalated_at = e.escalated_at
FROM ticket_escalation e WHERE e.ticket_id = t.id AND e.reason = 'FIRST_CONTACT_OVERDUE';
UPDATE ticket t SET resolution_escalated_at = e.escalated_at
FROM ticket_escalation e WHERE e.ticket_id = t.id AND e.reason = 'RESOLUTION_OVERDUE';
UPDATE ticket t SET handover_escalated_at = e.escalated_at
FROM ticket_escalation e WHERE e.ticket_id = t.id AND e.reason = 'HANDOVER_OVERDUE';

DROP INDEX ticket_first_contact_due;
CREATE INDEX ticket_first_contact_due ON ticket (first_contact_due_at)
    WHERE status <> 'CLOSED' AND first_contact_at IS NULL AND first_contact_escalated_at IS NULL;
DROP INDEX ticket_resolution_due;
CREATE INDEX ticket_resolution_due ON ticket (resolution_due_at)
    WHERE status <> 'CLOSED' AND resolution_escalated_at IS NULL;
DROP INDEX ticket_handover_due;
CREATE INDEX ticket_handover_due ON ticket (handover_due_at)
    WHERE status <> 'CLOSED' AND handover_due_at IS NOT NULL AND handover_escalated_at IS NULL
      AND (last_touched_at IS NULL OR last_touched_at < handed_over_at);
