-- The shared catalog: communities of tenants, models owned by a tenant, their versions and artifacts.
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15+.

-- A community (Entwicklungsgemeinschaft) is a named group of tenants that shares models privately.
CREATE TABLE community (
    id           VARCHAR(63)              NOT NULL,
    display_name VARCHAR(200)             NOT NULL,
    description  VARCHAR(2000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(255)             NOT NULL,
    CONSTRAINT pk_community PRIMARY KEY (id)
);

CREATE TABLE community_member (
    community_id VARCHAR(63)              NOT NULL,
    tenant_id    VARCHAR(63)              NOT NULL,
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_community_member PRIMARY KEY (community_id, tenant_id),
    CONSTRAINT fk_community_member_community FOREIGN KEY (community_id) REFERENCES community (id),
    CONSTRAINT fk_community_member_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- A catalog entry, addressed as owner/name. visibility is what is in force; requested_visibility is PUBLIC
-- while the owner waits for a curator to approve a version (only a curator makes a model public).
CREATE TABLE model (
    id                   UUID                     NOT NULL,
    owner_id             VARCHAR(63)              NOT NULL,
    name                 VARCHAR(63)              NOT NULL,
    display_name_de      VARCHAR(200)             NOT NULL,
    display_name_en      VARCHAR(200)             NOT NULL,
    description_de       VARCHAR(4000),
    description_en       VARCHAR(4000),
    task                 VARCHAR(60)              NOT NULL,
    domain               VARCHAR(100)             NOT NULL,
    license              VARCHAR(100)             NOT NULL,
    visibility           VARCHAR(20)              NOT NULL,
    requested_visibility VARCHAR(20),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(255)             NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version          BIGINT                   NOT NULL,
    CONSTRAINT pk_model PRIMARY KEY (id),
    CONSTRAINT uq_model_owner_name UNIQUE (owner_id, name),
    CONSTRAINT fk_model_owner FOREIGN KEY (owner_id) REFERENCES tenant (id),
    CONSTRAINT ck_model_visibility CHECK (visibility IN ('PRIVATE', 'COMMUNITY', 'PUBLIC')),
    CONSTRAINT ck_model_requested_visibility CHECK (requested_visibility IN ('PUBLIC'))
);

CREATE TABLE model_tag (
    model_id UUID        NOT NULL,
    tag      VARCHAR(60) NOT NULL,
    CONSTRAINT pk_model_tag PRIMARY KEY (model_id, tag),
    CONSTRAINT fk_model_tag_model FOREIGN KEY (model_id) REFERENCES model (id)
);

CREATE TABLE model_community (
    model_id     UUID        NOT NULL,
    community_id VARCHAR(63) NOT NULL,
    CONSTRAINT pk_model_community PRIMARY KEY (model_id, community_id),
    CONSTRAINT fk_model_community_model FOREIGN KEY (model_id) REFERENCES model (id),
    CONSTRAINT fk_model_community_community FOREIGN KEY (community_id) REFERENCES community (id)
);

-- A semantic version of a model with its lifecycle and its primary artifact (content-addressed by sha256).
CREATE TABLE model_version (
    id                 UUID                     NOT NULL,
    model_id           UUID                     NOT NULL,
    version            VARCHAR(100)             NOT NULL,
    version_major      INTEGER                  NOT NULL,
    version_minor      INTEGER                  NOT NULL,
    version_patch      INTEGER                  NOT NULL,
    changelog          VARCHAR(4000),
    status             VARCHAR(20)              NOT NULL,
    review_comment     VARCHAR(2000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(255)             NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE,
    reviewed_at        TIMESTAMP WITH TIME ZONE,
    reviewed_by        VARCHAR(255),
    artifact_sha256    VARCHAR(64),
    artifact_format    VARCHAR(20),
    artifact_size      BIGINT,
    artifact_engine    VARCHAR(40),
    inspected_at       TIMESTAMP WITH TIME ZONE,
    row_version        BIGINT                   NOT NULL,
    CONSTRAINT pk_model_version PRIMARY KEY (id),
    CONSTRAINT uq_model_version UNIQUE (model_id, version),
    CONSTRAINT fk_model_version_model FOREIGN KEY (model_id) REFERENCES model (id),
    CONSTRAINT ck_model_version_status
        CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'DEPRECATED', 'ARCHIVED')),
    CONSTRAINT ck_model_version_format CHECK (artifact_format IN ('ONNX', 'TORCHSCRIPT', 'DJL_ARCHIVE'))
);

-- Inputs and outputs of a version's model as the load check found them (shape as text, e.g. "1,3,-1").
CREATE TABLE model_version_tensor (
    version_id UUID         NOT NULL,
    direction  VARCHAR(6)   NOT NULL,
    position   INTEGER      NOT NULL,
    name       VARCHAR(255) NOT NULL,
    data_type  VARCHAR(40),
    shape      VARCHAR(255),
    CONSTRAINT pk_model_version_tensor PRIMARY KEY (version_id, direction, position),
    CONSTRAINT fk_model_version_tensor_version FOREIGN KEY (version_id) REFERENCES model_version (id),
    CONSTRAINT ck_model_version_tensor_direction CHECK (direction IN ('INPUT', 'OUTPUT'))
);

CREATE INDEX ix_model_version_status ON model_version (status);
CREATE INDEX ix_model_version_artifact ON model_version (artifact_sha256);
