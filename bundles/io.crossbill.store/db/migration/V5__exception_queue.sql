-- Crossbill engine schema, version 5: what the exception queue screen needs at a million exceptions.
-- Portable SQL (H2 2.x, PostgreSQL 12+) except where noted.

-- Who looks after an exception, and the latest note on it (history keeps every note).
ALTER TABLE exceptions ADD COLUMN assignee VARCHAR(128);
ALTER TABLE exceptions ADD COLUMN note VARCHAR(2000);

-- The root cause: the cause with the ids, numbers and quoted values taken out, so 4,000 failures
-- "Project PRJ-1042 not found" read as one problem. Computed by the database so that it can never
-- disagree with the cause, whoever writes it. H2 syntax (Java regular expressions); PostgreSQL would
-- need GENERATED ALWAYS AS (...) STORED and the flag 'g' on regexp_replace.
ALTER TABLE exceptions ADD COLUMN cause_key VARCHAR(255) GENERATED ALWAYS AS (
    LEFT(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(cause,
        '''[^'']*''|"[^"]*"', '''...'''),
        '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}', '#'),
        '[A-Za-z_]*[0-9]([A-Za-z0-9_./:+-]*[A-Za-z0-9])?', '#'), 255));

-- The queue screen keeps the light columns of every exception in memory (ExceptionBrowser): H2 reads
-- every matching row to count or group, which at a million exceptions takes seconds whatever the
-- indexes. It loads them once and then follows new exceptions by id and changed ones by updated_at.
CREATE INDEX exceptions_by_updated ON exceptions (updated_at);
