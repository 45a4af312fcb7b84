-- When a shop's shifts change over (a shift starts or ends), the queue is handed out again: a
-- durable timer per shop, like the SLA deadlines on the ticket, so a restart or a second instance
-- forgets nothing. due_at is the shop's next shift change; whichever instance takes the shop's
-- dispatch lock first hands out the queue and moves due_at on to the change after.
CREATE TABLE shift_change_timer (
    shop_id  varchar(64)  PRIMARY KEY,
    due_at   timestamptz  NOT NULL
);
CREATE INDEX shift_change_timer_due ON shift_change_timer (due_at);

-- every shop with agents: due now, so the first check hands out its queue and sets the next change
INSERT INTO shift_change_timer (shop_id, due_at) SELECT DISTINCT shop_id, now() FROM agent;
