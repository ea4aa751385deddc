-- Crossbill engine schema, version 3.
-- An exception filed by delivery remembers the outbox entry whose delivery failed, so that a retry can put
-- exactly that entry back to pending and a later delivery of it can resolve the exception. NULL for
-- exceptions raised while taking a record in, and for exceptions filed by version 2 or earlier.
-- Portable SQL (H2 2.x, PostgreSQL 12+).
ALTER TABLE exceptions ADD COLUMN outbox_id BIGINT;
CREATE INDEX exceptions_by_outbox_id ON exceptions (outbox_id);
