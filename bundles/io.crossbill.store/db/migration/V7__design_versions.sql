-- Crossbill engine schema, version 7: every saved version of the workspace's mapping designs.
-- Portable SQL (H2 2.x, PostgreSQL 12+). A version is never changed once saved, except that it is approved
-- once; every save and every approval is also in the audit trail.

-- One saved version of a design, as XMI text. TEXT rather than CLOB: PostgreSQL has no CLOB; H2 keeps TEXT as
-- CHARACTER VARYING, which holds megabytes, far above a design's size (a few kilobytes).
-- content_hash is the SHA-256 of the XMI text, so a save of unchanged content is recognised, and an approval
-- names exactly what was approved.
CREATE TABLE design_version (
    name         VARCHAR(200)  NOT NULL,
    version      INTEGER       NOT NULL,
    xmi          TEXT          NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by     VARCHAR(128)  NOT NULL,
    comment      VARCHAR(2000),
    approved_by  VARCHAR(128),
    approved_at  TIMESTAMP WITH TIME ZONE,
    content_hash CHAR(64)      NOT NULL,
    PRIMARY KEY (name, version)
);
