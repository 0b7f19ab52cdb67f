-- The test-control clock's offset: how far /control/v1/clock/advance has moved the server's time ahead of the real
-- clock. Kept here, not in a process, so every node of a PostgreSQL cluster runs on the same time and a restart does
-- not move time back. One row; the offset only grows.
CREATE TABLE server_clock (
    id            INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    offset_millis BIGINT  NOT NULL CHECK (offset_millis >= 0)
);
INSERT INTO server_clock (id, offset_millis) VALUES (1, 0);
