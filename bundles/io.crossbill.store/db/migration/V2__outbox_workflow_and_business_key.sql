-- Crossbill engine schema, version 2.
-- The outbox remembers which workflow made an entry and the record's business key (e.g. the time entry
-- id), so that a failed delivery is filed under the right workflow and can be found by what an analyst
-- searches for. Both are NULL on entries written by version 1. Portable SQL (H2 2.x, PostgreSQL 12+).
ALTER TABLE outbox ADD COLUMN workflow VARCHAR(64);
ALTER TABLE outbox ADD COLUMN business_key VARCHAR(255);
