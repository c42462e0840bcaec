-- Benchmark datasets: labelled images (or frames with MOTChallenge ground truth) that a tenant owns and that
-- evaluations run models against. The content is one zip in the artifact store, addressed by sha256 and validated
-- on upload; sha256, size_bytes and items stay NULL until then. visibility is what is in force; requested_visibility
-- is PUBLIC while the owner waits for a curator (only a curator makes a dataset public). review_comment is the
-- curator's last word on such a request. Portable SQL: the same script runs on H2 2.x and PostgreSQL 15+.
CREATE TABLE dataset (
    id                   UUID                     NOT NULL,
    owner_id             VARCHAR(63)              NOT NULL,
    name                 VARCHAR(63)              NOT NULL,
    display_name         VARCHAR(200)             NOT NULL,
    description          VARCHAR(4000),
    task                 VARCHAR(60)              NOT NULL,
    format               VARCHAR(20)              NOT NULL,
    license              VARCHAR(100)             NOT NULL,
    visibility           VARCHAR(20)              NOT NULL,
    requested_visibility VARCHAR(20),
    sha256               VARCHAR(64),
    size_bytes           BIGINT,
    items                INTEGER,
    review_comment       VARCHAR(2000),
    created_by           VARCHAR(255)             NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version          BIGINT                   NOT NULL,
    CONSTRAINT pk_dataset PRIMARY KEY (id),
    CONSTRAINT uq_dataset_owner_name UNIQUE (owner_id, name),
    CONSTRAINT fk_dataset_owner FOREIGN KEY (owner_id) REFERENCES tenant (id),
    CONSTRAINT ck_dataset_format CHECK (format IN ('COUNTS_CSV', 'MOT', 'CLASS_FOLDERS')),
    CONSTRAINT ck_dataset_visibility CHECK (visibility IN ('PRIVATE', 'PUBLIC')),
    CONSTRAINT ck_dataset_requested_visibility CHECK (requested_visibility IN ('PUBLIC')),
    -- content is recorded completely or not at all
    CONSTRAINT ck_dataset_content CHECK (
        (sha256 IS NULL AND size_bytes IS NULL AND items IS NULL)
        OR (sha256 IS NOT NULL AND size_bytes >= 0 AND items >= 0))
);

-- the artifact clean-up asks for every referenced sha256; lists filter by task
CREATE INDEX ix_dataset_sha256 ON dataset (sha256);
CREATE INDEX ix_dataset_task ON dataset (task);
