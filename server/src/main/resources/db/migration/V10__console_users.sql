-- The console's people: who may sign in (an Argon2id hash of the password, never the password), which companies a
-- company user acts for, the lock-out after failed sign-ins, and the sessions (the SHA-256 of the session cookie,
-- never the cookie), kept in the database so every node of a cluster knows them and a restart keeps them.

CREATE TABLE console_user (
    user_id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    login                VARCHAR(64)  NOT NULL UNIQUE,
    password_hash        VARCHAR(255) NOT NULL,
    role                 VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'COMPANY')),
    phone                VARCHAR(16)  NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    failed_logins        INTEGER      NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until         BIGINT,
    created_at           BIGINT       NOT NULL
);

CREATE TABLE console_user_company (
    user_id       VARCHAR(36) NOT NULL REFERENCES console_user (user_id),
    customer_code VARCHAR(9)  NOT NULL REFERENCES company (customer_code),
    PRIMARY KEY (user_id, customer_code)
);

CREATE TABLE console_session (
    session_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id      VARCHAR(36) NOT NULL REFERENCES console_user (user_id),
    created_at   BIGINT      NOT NULL,
    last_seen_at BIGINT      NOT NULL,
    expires_at   BIGINT      NOT NULL
);
CREATE INDEX console_session_user ON console_session (user_id);

-- A form that acts once (a refund, say) carries a one-time token; a second submit of the same form (a double click)
-- finds its token spent here and does nothing.
CREATE TABLE console_form_use (
    form_token VARCHAR(64) NOT NULL PRIMARY KEY,
    used_at    BIGINT      NOT NULL
);
