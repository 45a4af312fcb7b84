-- agents.v1 is new: every agent hired before it existed is published once as agent.hired.v1, through the
-- outbox as a hire is, so compensation-service's agent registry (whose tier is the agent's spending
-- authority) knows them too. The payload is what AgentEvents.hired writes; the topic is ticket.agents-topic.
-- created_at is the hire's: like every outbox row it is on the service's clock (which the sweeper that
-- relays these compares with), and the database's now() need not be.
INSERT INTO outbox_event (id, topic, message_key, type, subject, payload, occurred_at, created_at, attempts)
SELECT gen_random_uuid(), '${agents_topic}', a.id::text, 'agent.hired.v1', a.id::text,
       json_build_object('agentId', a.id, 'shopId', a.shop_id, 'tier', a.tier,
                         'hiredAt', to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
       a.created_at, a.created_at, 0
FROM agent a;
