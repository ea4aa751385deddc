-- Crossbill engine schema, version 10: gauges sampled over time.
-- Portable SQL (H2 2.x, PostgreSQL 12+).

-- A value read at a moment, kept so the monitor can draw it over the last hour, day or month: the work
-- waiting per workflow (queue depth) and each system's API budget left as its answers said. The embedded
-- engine samples them after every run; a sample older than the longest window shown is removed.
--   name     what is measured: queue_depth, api_budget_left
--   subject  of what: a workflow, or a system and its window ("xero/day", "hubspot/10s")
--   capacity what the value is out of (a rate limit), when known
CREATE TABLE gauge_sample (
    name        VARCHAR(64)  NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    sampled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sample_value DOUBLE PRECISION NOT NULL,
    capacity    DOUBLE PRECISION,
    PRIMARY KEY (name, subject, sampled_at)
);
CREATE INDEX gauge_sample_time ON gauge_sample (name, sampled_at);
