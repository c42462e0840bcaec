-- People counting: a session is one camera's stream; per interval only aggregate numbers are stored.
-- No images, no boxes, no track ids: nothing here can single out a person.
CREATE TABLE counting_session (
    id            UUID                     NOT NULL,
    tenant_id     VARCHAR(63)              NOT NULL,
    model         VARCHAR(200)             NOT NULL,
    model_version VARCHAR(100)             NOT NULL,
    configuration VARCHAR(8000)            NOT NULL,
    created_by    VARCHAR(255)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_counting_session PRIMARY KEY (id),
    CONSTRAINT fk_counting_session_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE counting_interval (
    id               UUID                     NOT NULL,
    session_id       UUID                     NOT NULL,
    interval_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    interval_seconds INTEGER                  NOT NULL,
    frames           INTEGER                  NOT NULL,
    mean_count       DOUBLE PRECISION         NOT NULL,
    max_count        INTEGER                  NOT NULL,
    CONSTRAINT pk_counting_interval PRIMARY KEY (id),
    CONSTRAINT uq_counting_interval UNIQUE (session_id, interval_start),
    CONSTRAINT fk_counting_interval_session FOREIGN KEY (session_id) REFERENCES counting_session (id)
);

CREATE TABLE counting_interval_line (
    interval_id   UUID         NOT NULL,
    line          VARCHAR(100) NOT NULL,
    crossings_in  INTEGER      NOT NULL,
    crossings_out INTEGER      NOT NULL,
    CONSTRAINT pk_counting_interval_line PRIMARY KEY (interval_id, line),
    CONSTRAINT fk_counting_interval_line FOREIGN KEY (interval_id) REFERENCES counting_interval (id)
);

CREATE TABLE counting_interval_zone (
    interval_id    UUID         NOT NULL,
    zone           VARCHAR(100) NOT NULL,
    peak_occupancy INTEGER      NOT NULL,
    CONSTRAINT pk_counting_interval_zone PRIMARY KEY (interval_id, zone),
    CONSTRAINT fk_counting_interval_zone FOREIGN KEY (interval_id) REFERENCES counting_interval (id)
);
