-- Deployment records (documentation issue): the whole record as JSON next to the three minimal columns of V7, the
-- EU AI Act questionnaire (answers and assessment as JSON) with its risk class, and every revision of both with author
-- and time. A DPO's sign-off is kept on the revision it was given for, so the public transparency page can show the
-- last signed revision of a deployment whose record changed while it kept running. Records written before this
-- migration have revision 0 and no history until their next change.
ALTER TABLE deployment ADD COLUMN record_details VARCHAR(200000);
ALTER TABLE deployment ADD COLUMN record_revision INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE deployment ADD COLUMN questionnaire VARCHAR(20000);
ALTER TABLE deployment ADD COLUMN risk_class VARCHAR(20);
ALTER TABLE deployment ADD CONSTRAINT ck_deployment_risk_class
    CHECK (risk_class IN ('PROHIBITED', 'HIGH_RISK', 'LIMITED_RISK', 'MINIMAL_RISK'));
CREATE INDEX ix_deployment_status ON deployment (status);

CREATE TABLE deployment_record_revision (
    id               UUID                     NOT NULL,
    deployment_id    UUID                     NOT NULL,
    tenant_id        VARCHAR(63)              NOT NULL,
    revision         INTEGER                  NOT NULL,
    change_kind      VARCHAR(20)              NOT NULL,
    record_json      VARCHAR(200000)          NOT NULL,
    questionnaire    VARCHAR(20000),
    risk_class       VARCHAR(20),
    author           VARCHAR(255)             NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_off_by    VARCHAR(255),
    signed_off_at    TIMESTAMP WITH TIME ZONE,
    sign_off_comment VARCHAR(2000),
    CONSTRAINT pk_deployment_record_revision PRIMARY KEY (id),
    CONSTRAINT uq_deployment_record_revision UNIQUE (deployment_id, revision),
    CONSTRAINT fk_deployment_record_revision_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id),
    CONSTRAINT fk_deployment_record_revision_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_deployment_record_revision_change CHECK (change_kind IN ('RECORD', 'QUESTIONNAIRE')),
    CONSTRAINT ck_deployment_record_revision_number CHECK (revision > 0),
    CONSTRAINT ck_deployment_record_revision_risk_class
        CHECK (risk_class IN ('PROHIBITED', 'HIGH_RISK', 'LIMITED_RISK', 'MINIMAL_RISK'))
);
