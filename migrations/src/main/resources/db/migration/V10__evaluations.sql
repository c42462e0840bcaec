-- Evaluations: a model version measured on a dataset by a job. The row is the job (status, progress) and, once it
-- has succeeded, the result (metrics as JSON text) with its provenance: model and dataset content (sha256), the
-- configuration, the hub version, the duration and who ran it.
-- tenant_id is the tenant that ran it, null when a platform curator (who has no tenant) did. public_result is
-- decided when the job is created: a released version of a PUBLIC model on a PUBLIC dataset; such results are shown
-- to everybody. A tenant's other results stay in the tenant unless it shares them (shared).
-- Jobs that a restart interrupts are marked FAILED at the next start (nothing stays RUNNING).
CREATE TABLE evaluation (
    id             UUID                     NOT NULL,
    tenant_id      VARCHAR(63),
    model_id       UUID                     NOT NULL,
    version_id     UUID                     NOT NULL,
    dataset_id     UUID                     NOT NULL,
    task           VARCHAR(60)              NOT NULL,
    configuration  VARCHAR(16000)           NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    items_done     INTEGER                  NOT NULL,
    items_total    INTEGER,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    duration_ms    BIGINT,
    metrics        VARCHAR(200000),
    model_sha256   VARCHAR(64)              NOT NULL,
    dataset_sha256 VARCHAR(64)              NOT NULL,
    hub_version    VARCHAR(100)             NOT NULL,
    created_by     VARCHAR(255)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    failure_reason VARCHAR(2000),
    shared         BOOLEAN                  NOT NULL,
    public_result  BOOLEAN                  NOT NULL,
    CONSTRAINT pk_evaluation PRIMARY KEY (id),
    CONSTRAINT fk_evaluation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_evaluation_model FOREIGN KEY (model_id) REFERENCES model (id),
    CONSTRAINT fk_evaluation_version FOREIGN KEY (version_id) REFERENCES model_version (id),
    CONSTRAINT fk_evaluation_dataset FOREIGN KEY (dataset_id) REFERENCES dataset (id),
    CONSTRAINT ck_evaluation_status CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    CONSTRAINT ck_evaluation_progress CHECK (items_done >= 0)
);

CREATE INDEX ix_evaluation_dataset ON evaluation (dataset_id, status);
CREATE INDEX ix_evaluation_version ON evaluation (version_id);
CREATE INDEX ix_evaluation_tenant ON evaluation (tenant_id, created_at);
CREATE INDEX ix_evaluation_status ON evaluation (status);
