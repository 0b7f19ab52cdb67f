-- The console's key wizard: a pending request for a JWT key (or for re-issuing one), bound to the user who started
-- it, step by step (name; companies and permissions; term and consents; the SMS code). The code is kept only as an
-- HMAC, with its expiry and the attempts left; the request ends DONE (with the key it issued) or VOID.

CREATE TABLE key_request (
    request_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id        VARCHAR(36)   NOT NULL REFERENCES console_user (user_id),
    replaces       VARCHAR(32)   REFERENCES api_key (client_id),
    name           VARCHAR(100)  NOT NULL,
    customer_codes TEXT,
    access         VARCHAR(1000),
    unlimited      BOOLEAN,
    expires_at     BIGINT,
    status         VARCHAR(16)   NOT NULL CHECK (status IN ('DRAFT', 'CODE_SENT', 'VOID', 'DONE')),
    code_hash      VARCHAR(64),
    code_expires_at BIGINT,
    attempts_left  INTEGER       NOT NULL DEFAULT 0 CHECK (attempts_left >= 0),
    codes_sent     INTEGER       NOT NULL DEFAULT 0 CHECK (codes_sent >= 0),
    issued         VARCHAR(32)   REFERENCES api_key (client_id),
    created_at     BIGINT        NOT NULL
);
CREATE INDEX key_request_user ON key_request (user_id);

-- The development SMS gateway's outbox: what the console's "phone" panel shows to the user of that phone.
CREATE TABLE dev_sms (
    sms_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    phone   VARCHAR(16)  NOT NULL,
    text    VARCHAR(500) NOT NULL,
    sent_at BIGINT       NOT NULL
);
CREATE INDEX dev_sms_phone ON dev_sms (phone, sent_at);
