-- Tenants (municipalities, universities, the platform itself) and the audit trail.
-- Portable SQL: the same script runs on H2 2.x and PostgreSQL 15+.

CREATE TABLE tenant (
    id           VARCHAR(63)              NOT NULL,
    display_name VARCHAR(200)             NOT NULL,
    kind         VARCHAR(20)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_tenant PRIMARY KEY (id),
    CONSTRAINT ck_tenant_kind CHECK (kind IN ('MUNICIPALITY', 'RESEARCH', 'PLATFORM', 'OTHER'))
);

-- Who did what to which object, when, from which tenant. Rows are only ever inserted.
CREATE TABLE audit_event (
    id          UUID                     NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(255)             NOT NULL,
    tenant_id   VARCHAR(63),
    action      VARCHAR(100)             NOT NULL,
    object_type VARCHAR(60)              NOT NULL,
    object_id   VARCHAR(255)             NOT NULL,
    details     VARCHAR(4000),
    CONSTRAINT pk_audit_event PRIMARY KEY (id),
    CONSTRAINT fk_audit_event_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_audit_event_tenant_time ON audit_event (tenant_id, occurred_at);
CREATE INDEX ix_audit_event_object ON audit_event (object_type, object_id);
