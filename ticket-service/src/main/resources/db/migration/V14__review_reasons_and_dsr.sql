-- Each review's complaint reasons (in review.received.v1's order: the first is the main one) and the buyer's shop
-- scores (DSR 描述/服务/物流, 1-5), as the event brought them: the agent's ticket page shows them, since agents may
-- read a review only through their own ticket. Null for reviews that joined a ticket before this.
ALTER TABLE ticket_review ADD COLUMN complaint_reasons text[];
ALTER TABLE ticket_review ADD COLUMN dsr_description smallint;
ALTER TABLE ticket_review ADD COLUMN dsr_service smallint;
ALTER TABLE ticket_review ADD COLUMN dsr_shipping smallint;
