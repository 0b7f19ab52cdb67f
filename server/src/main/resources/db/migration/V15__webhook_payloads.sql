-- A webhook is written with its claims (payload) and signed by the dispatcher when it is first sent: RSA-3072
-- signing takes milliseconds, and inside the payment's transaction it held the one writer of the database. Until
-- then the event's token is empty; the first attempt stores the token and every attempt sends the same one.
ALTER TABLE webhook_event ADD COLUMN payload TEXT;
