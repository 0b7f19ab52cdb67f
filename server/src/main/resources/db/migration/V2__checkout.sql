-- The hosted payment page: how a card payment was paid (masked number and brand only, never the full number or
-- the CVC), and the buyer's page sessions.

ALTER TABLE payment ADD COLUMN card_mask VARCHAR(19);
ALTER TABLE payment ADD COLUMN card_brand VARCHAR(16);

-- A page session lives one hour from the moment the buyer opens the link. Its id is a secret cookie; only its
-- SHA-256 is stored. A session shows at most one SBP QR code and holds at most one 3-D Secure challenge.
CREATE TABLE checkout_session (
    session_hash       VARCHAR(64) NOT NULL PRIMARY KEY,
    operation_id       VARCHAR(36) NOT NULL REFERENCES payment (operation_id),
    created_at         BIGINT      NOT NULL,
    expires_at         BIGINT      NOT NULL,
    qrc_id             VARCHAR(32) UNIQUE,
    challenge_mask     VARCHAR(19),
    challenge_brand    VARCHAR(16)
);
CREATE INDEX checkout_session_operation ON checkout_session (operation_id);
