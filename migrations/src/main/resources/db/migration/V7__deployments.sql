-- Deployments: a tenant runs one published model version under a name with its own configuration.
-- The minimal deployment record (purpose, legal basis, responsible contact) and the DPO's sign-off live on the row;
-- the documentation issue extends the record. Model versions are never deleted, so the FK is safe.
CREATE TABLE deployment (
    id                  UUID                     NOT NULL,
    tenant_id           VARCHAR(63)              NOT NULL,
    name                VARCHAR(63)              NOT NULL,
    model_id            UUID                     NOT NULL,
    version_id          UUID                     NOT NULL,
    previous_version_id UUID,
    task                VARCHAR(60)              NOT NULL,
    configuration       VARCHAR(16000)           NOT NULL,
    status              VARCHAR(30)              NOT NULL,
    record_purpose      VARCHAR(4000),
    record_legal_basis  VARCHAR(2000),
    record_contact      VARCHAR(500),
    record_changed_at   TIMESTAMP WITH TIME ZONE,
    signed_off_by       VARCHAR(255),
    signed_off_at       TIMESTAMP WITH TIME ZONE,
    sign_off_comment    VARCHAR(2000),
    created_by          VARCHAR(255)             NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at        TIMESTAMP WITH TIME ZONE,
    retired_at          TIMESTAMP WITH TIME ZONE,
    lock_version        INTEGER                  NOT NULL,
    CONSTRAINT pk_deployment PRIMARY KEY (id),
    CONSTRAINT uq_deployment_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_deployment_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_deployment_model FOREIGN KEY (model_id) REFERENCES model (id),
    CONSTRAINT fk_deployment_version FOREIGN KEY (version_id) REFERENCES model_version (id),
    CONSTRAINT fk_deployment_previous FOREIGN KEY (previous_version_id) REFERENCES model_version (id),
    CONSTRAINT ck_deployment_status CHECK (status IN ('PENDING_DOCUMENTATION', 'READY', 'ACTIVE', 'PAUSED', 'RETIRED'))
);

CREATE INDEX ix_deployment_version ON deployment (version_id);

-- Machine credentials of a deployment (edge devices, other systems). The secret is shown once; only a salted
-- SHA-256 of it is kept. key_id is the public part of the key and finds the row.
CREATE TABLE machine_credential (
    id            UUID                     NOT NULL,
    deployment_id UUID                     NOT NULL,
    tenant_id     VARCHAR(63)              NOT NULL,
    name          VARCHAR(100)             NOT NULL,
    key_id        VARCHAR(40)              NOT NULL,
    salt          VARCHAR(64)              NOT NULL,
    secret_hash   VARCHAR(128)             NOT NULL,
    created_by    VARCHAR(255)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at    TIMESTAMP WITH TIME ZONE,
    revoked_by    VARCHAR(255),
    revoked_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_machine_credential PRIMARY KEY (id),
    CONSTRAINT uq_machine_credential_key UNIQUE (key_id),
    CONSTRAINT fk_machine_credential_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id),
    CONSTRAINT fk_machine_credential_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_machine_credential_deployment ON machine_credential (deployment_id);

-- Usage metering per deployment and interval: counts and latency; latency_histogram holds the bucket counts
-- (text, see services.usage) so that percentiles over several intervals stay exact.
CREATE TABLE deployment_usage (
    deployment_id     UUID                     NOT NULL,
    interval_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    interval_seconds  INTEGER                  NOT NULL,
    requests          BIGINT                   NOT NULL,
    errors            BIGINT                   NOT NULL,
    rejected          BIGINT                   NOT NULL,
    latency_p50_ms    DOUBLE PRECISION         NOT NULL,
    latency_p95_ms    DOUBLE PRECISION         NOT NULL,
    latency_p99_ms    DOUBLE PRECISION         NOT NULL,
    latency_max_ms    DOUBLE PRECISION         NOT NULL,
    latency_histogram VARCHAR(4000)            NOT NULL,
    CONSTRAINT pk_deployment_usage PRIMARY KEY (deployment_id, interval_start),
    CONSTRAINT fk_deployment_usage_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id)
);

-- Counting sessions now belong to a deployment (sessions of the former model-version endpoints have none).
ALTER TABLE counting_session ADD COLUMN deployment_id UUID;
ALTER TABLE counting_session ADD CONSTRAINT fk_counting_session_deployment
    FOREIGN KEY (deployment_id) REFERENCES deployment (id);
CREATE INDEX ix_counting_session_deployment ON counting_session (deployment_id);
CREATE INDEX ix_counting_interval_start ON counting_interval (interval_start);
