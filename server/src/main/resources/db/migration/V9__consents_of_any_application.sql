-- A consent belongs to an application's client_id. The sandbox token is an application too (client_id "sandbox")
-- but has no row in api_key, so its consents broke the foreign key (a 500). The table is rebuilt without it, in SQL
-- that SQLite and PostgreSQL both run; the keys' own consents are still written with the key, in one transaction.
CREATE TABLE consent_new (
    consent_id        VARCHAR(128)  NOT NULL PRIMARY KEY,
    client_id         VARCHAR(32)   NOT NULL,
    customer_code     VARCHAR(9),
    permissions       VARCHAR(1000) NOT NULL,
    status            VARCHAR(24)   NOT NULL,
    created_at        BIGINT        NOT NULL,
    status_updated_at BIGINT        NOT NULL,
    expires_at        BIGINT
);
INSERT INTO consent_new SELECT consent_id, client_id, customer_code, permissions, status, created_at,
    status_updated_at, expires_at FROM consent;
DROP TABLE consent;
ALTER TABLE consent_new RENAME TO consent;
CREATE INDEX consent_client ON consent (client_id);
