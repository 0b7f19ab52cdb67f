-- The sandbox is a world of its own, as at the bank: sandbox.jwt.token on /sandbox/v2 acts only for the companies
-- marked here, which no JWT key may act for, and only their webhooks go to the sandbox's subscription. The sandbox's
-- demo companies are seeded at start (DemoData); payments made before this migration stay with the companies they
-- were made for, all of the real world.
ALTER TABLE company ADD COLUMN sandbox BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX company_sandbox ON company (sandbox);
