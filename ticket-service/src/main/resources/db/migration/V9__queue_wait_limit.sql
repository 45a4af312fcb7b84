-- A ticket nobody takes within the shop's queue-wait limit (business time) is escalated like a
-- breached service level. The deadline is set when the ticket enters the queue (no extra statement
-- on the path of new tickets: one more column of the insert); a partial index keeps the SLA scan to
-- tickets still waiting and not yet escalated.
ALTER TABLE ticket
    ADD COLUMN queue_due_at        timestamptz,
    ADD COLUMN queue_escalated_at  timestamptz;

CREATE INDEX ticket_queue_due ON ticket (queue_due_at)
    WHERE status = 'WAITING' AND queue_due_at IS NOT NULL AND queue_escalated_at IS NULL;

ALTER TABLE ticket_escalation DROP CONSTRAINT ticket_escalation_reason_check;
ALTER TABLE ticket_escalation ADD CONSTRAINT ticket_escalation_reason_check
    CHECK (reason IN ('FIRST_CONTACT_OVERDUE', 'RESOLUTION_OVERDUE', 'HANDOVER_OVERDUE', 'QUEUE_WAIT_OVERDUE'));
