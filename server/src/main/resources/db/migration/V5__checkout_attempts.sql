-- Every SBP QR code a page session showed: the buyer's attempt to pay by SBP. The session's qrc_id is its current
-- code. A code cancelled in the bank app stays cancelled (the bank app refuses to pay it, and the waiting page learns
-- of it on its next poll); opening the SBP page again gives the session a fresh code and a fresh attempt.
CREATE TABLE sbp_attempt (
    qrc_id       VARCHAR(32) NOT NULL PRIMARY KEY,
    session_hash VARCHAR(64) NOT NULL REFERENCES checkout_session (session_hash),
    created_at   BIGINT      NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX sbp_attempt_session ON sbp_attempt (session_hash);

-- The codes shown before this table existed are attempts too, none of them cancelled.
INSERT INTO sbp_attempt (qrc_id, session_hash, created_at)
SELECT qrc_id, session_hash, created_at FROM checkout_session WHERE qrc_id IS NOT NULL;
