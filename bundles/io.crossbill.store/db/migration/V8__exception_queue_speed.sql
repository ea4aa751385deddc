-- Crossbill engine schema, version 8: the exception queue's first screen straight from the database.
-- The queue screen answers from an in-memory index of every exception (ExceptionBrowser); reading it takes
-- seconds at a million exceptions, so until it is loaded the first page and the count come from H2.
-- Portable SQL (H2 2.x, PostgreSQL 12+).

-- The screen opens newest first: walking this index H2 reads the newest exceptions and stops after a
-- page (30 ms at a million) instead of reading and sorting every unresolved one (a minute on a cold cache).
CREATE INDEX exceptions_by_created ON exceptions (created_at, id);

-- Counting by state reads only this narrow index: about 1 s for 730,000 unresolved exceptions on a cold
-- cache, against 5-10 s through the wide exceptions_by_query index.
CREATE INDEX exceptions_by_state ON exceptions (state);
