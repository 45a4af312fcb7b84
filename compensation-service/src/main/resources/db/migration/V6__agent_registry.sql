-- The shop's agents as ticket-service hired them (agent.hired.v1 on agents.v1). An agent's authority is the tier
-- here, not what their token claims; one primary-key lookup per agent request.
CREATE TABLE agent_registry (
    shop_id   varchar(64)  NOT NULL,
    agent_id  uuid         NOT NULL,
    tier      varchar(20)  NOT NULL CHECK (tier IN ('PRE_SALES', 'IN_SALES', 'AFTER_SALES', 'REVIEW_RECOVERY', 'SUPERVISOR', 'MANAGER')),
    hired_at  timestamptz  NOT NULL,
    PRIMARY KEY (shop_id, agent_id)
);
