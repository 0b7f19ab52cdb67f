-- Webhooks as the bank sends them. One subscription (one URL, a list of event types) per client_id. Every event is
-- written to the outbox in the same transaction as the payment change that causes it, already signed, so each
-- attempt sends the same JWT; a dispatcher on any node claims due events with a short lease and delivers them.

CREATE TABLE webhook_subscription (
    client_id     VARCHAR(32)   NOT NULL PRIMARY KEY,
    url           VARCHAR(2083) NOT NULL,
    webhook_types VARCHAR(200)  NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL
);

CREATE TABLE webhook_event (
    event_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    client_id        VARCHAR(32)   NOT NULL,
    url              VARCHAR(2083) NOT NULL,
    webhook_type     VARCHAR(40)   NOT NULL,
    operation_id     VARCHAR(36),
    token            TEXT          NOT NULL,
    created_at       BIGINT        NOT NULL,
    status           VARCHAR(12)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INTEGER       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    give_up_after    INTEGER       NOT NULL CHECK (give_up_after > 0),
    next_attempt_at  BIGINT        NOT NULL,
    claimed_until    BIGINT,
    last_attempt_at  BIGINT,
    last_status_code INTEGER,
    last_latency_ms  BIGINT,
    last_error       VARCHAR(500),
    delivered_at     BIGINT
);
CREATE INDEX webhook_event_due ON webhook_event (status, next_attempt_at);
CREATE INDEX webhook_event_client ON webhook_event (client_id, created_at);

CREATE TABLE webhook_attempt (
    event_id     VARCHAR(36)  NOT NULL REFERENCES webhook_event (event_id),
    attempt      INTEGER      NOT NULL CHECK (attempt > 0),
    attempted_at BIGINT       NOT NULL,
    status_code  INTEGER,
    latency_ms   BIGINT       NOT NULL,
    error        VARCHAR(500),
    PRIMARY KEY (event_id, attempt)
);
