-- One schema for SQLite and PostgreSQL: portable types only, times as epoch milliseconds, money as kopecks.
-- Invariants the service also checks are repeated here as constraints, so no code path can break them.

CREATE TABLE company (
    customer_code    VARCHAR(9)   NOT NULL PRIMARY KEY,
    customer_type    VARCHAR(16)  NOT NULL CHECK (customer_type IN ('Business', 'Personal')),
    is_resident      BOOLEAN      NOT NULL,
    full_name        VARCHAR(500) NOT NULL,
    short_name       VARCHAR(255),
    tax_code         VARCHAR(12),
    kpp              VARCHAR(9),
    ogrn             VARCHAR(15),
    demo             BOOLEAN      NOT NULL,
    next_link_number BIGINT       NOT NULL DEFAULT 1 CHECK (next_link_number > 0)
);

CREATE TABLE retailer (
    merchant_id    VARCHAR(15)  NOT NULL PRIMARY KEY,
    customer_code  VARCHAR(9)   NOT NULL REFERENCES company (customer_code),
    name           VARCHAR(255) NOT NULL,
    url            VARCHAR(2083),
    mcc            VARCHAR(4)   NOT NULL,
    rate_percent   VARCHAR(8)   NOT NULL,
    terminal_id    VARCHAR(16),
    status         VARCHAR(20)  NOT NULL,
    is_active      BOOLEAN      NOT NULL,
    payment_modes  VARCHAR(64)  NOT NULL,
    cashbox        VARCHAR(64)
);
CREATE INDEX retailer_company ON retailer (customer_code);

CREATE TABLE payment (
    operation_id      VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_code     VARCHAR(9)    NOT NULL REFERENCES company (customer_code),
    merchant_id       VARCHAR(15)   NOT NULL REFERENCES retailer (merchant_id),
    payment_link_id   VARCHAR(45)   NOT NULL,
    amount_minor      BIGINT        NOT NULL CHECK (amount_minor > 0),
    refunded_minor    BIGINT        NOT NULL DEFAULT 0,
    purpose           VARCHAR(140)  NOT NULL,
    payment_modes     VARCHAR(64)   NOT NULL,
    redirect_url      VARCHAR(2083),
    fail_redirect_url VARCHAR(2083),
    save_card         BOOLEAN       NOT NULL,
    consumer_id       VARCHAR(64)   NOT NULL,
    pre_authorization BOOLEAN       NOT NULL,
    ttl_minutes       INTEGER       NOT NULL CHECK (ttl_minutes BETWEEN 1 AND 44640),
    receipt_json      TEXT,
    status            VARCHAR(20)   NOT NULL CHECK (status IN ('CREATED', 'APPROVED', 'ON-REFUND', 'REFUNDED',
                                          'EXPIRED', 'REFUNDED_PARTIALLY', 'AUTHORIZED', 'WAIT_FULL_PAYMENT')),
    created_at        BIGINT        NOT NULL,
    expires_at        BIGINT        NOT NULL,
    payment_type      VARCHAR(10),
    payment_id        VARCHAR(64),
    transaction_id    VARCHAR(64),
    qrc_id            VARCHAR(64),
    payer_name        VARCHAR(255),
    paid_at           BIGINT,
    CONSTRAINT payment_link_id_unique UNIQUE (customer_code, payment_link_id),
    CONSTRAINT refunded_within_paid CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    CONSTRAINT refunded_only_when_paid CHECK (refunded_minor = 0 OR status IN ('REFUNDED_PARTIALLY', 'REFUNDED')),
    CONSTRAINT fully_refunded CHECK (status <> 'REFUNDED' OR refunded_minor = amount_minor),
    CONSTRAINT paid_has_type CHECK (status IN ('CREATED', 'EXPIRED') OR (payment_type IS NOT NULL AND paid_at IS NOT NULL))
);
CREATE INDEX payment_company_created ON payment (customer_code, created_at);
CREATE INDEX payment_due ON payment (status, expires_at);
CREATE INDEX payment_merchant_paid ON payment (merchant_id, paid_at);

CREATE TABLE payment_order (
    order_id     VARCHAR(36) NOT NULL PRIMARY KEY,
    operation_id VARCHAR(36) NOT NULL REFERENCES payment (operation_id),
    order_type   VARCHAR(10) NOT NULL CHECK (order_type IN ('approval', 'authorized', 'refund')),
    amount_minor BIGINT      NOT NULL CHECK (amount_minor > 0),
    created_at   BIGINT      NOT NULL
);
CREATE INDEX payment_order_operation ON payment_order (operation_id, created_at);

CREATE TABLE signing_key (
    kid         VARCHAR(64) NOT NULL PRIMARY KEY,
    private_jwk TEXT        NOT NULL,
    created_at  BIGINT      NOT NULL
);

CREATE TABLE api_key (
    client_id   VARCHAR(32)   NOT NULL PRIMARY KEY,
    key_id      VARCHAR(36)   NOT NULL UNIQUE,
    name        VARCHAR(100)  NOT NULL,
    permissions VARCHAR(1000) NOT NULL,
    created_at  BIGINT        NOT NULL,
    expires_at  BIGINT,
    revoked_at  BIGINT,
    demo        BOOLEAN       NOT NULL
);

CREATE TABLE api_key_company (
    client_id     VARCHAR(32) NOT NULL REFERENCES api_key (client_id),
    customer_code VARCHAR(9)  NOT NULL REFERENCES company (customer_code),
    PRIMARY KEY (client_id, customer_code)
);

CREATE TABLE consent (
    consent_id        VARCHAR(128)  NOT NULL PRIMARY KEY,
    client_id         VARCHAR(32)   NOT NULL REFERENCES api_key (client_id),
    customer_code     VARCHAR(9),
    permissions       VARCHAR(1000) NOT NULL,
    status            VARCHAR(24)   NOT NULL,
    created_at        BIGINT        NOT NULL,
    status_updated_at BIGINT        NOT NULL,
    expires_at        BIGINT
);
CREATE INDEX consent_client ON consent (client_id);

CREATE TABLE setting (
    name  VARCHAR(64) NOT NULL PRIMARY KEY,
    value TEXT        NOT NULL
);
