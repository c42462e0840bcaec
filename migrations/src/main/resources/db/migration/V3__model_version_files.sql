-- Extra files of a version (labels, configuration), content-addressed in the artifact store like the primary artifact.
CREATE TABLE model_version_file (
    version_id  UUID                     NOT NULL,
    file_name   VARCHAR(100)             NOT NULL,
    sha256      VARCHAR(64)              NOT NULL,
    size        BIGINT                   NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_model_version_file PRIMARY KEY (version_id, file_name),
    CONSTRAINT fk_model_version_file_version FOREIGN KEY (version_id) REFERENCES model_version (id)
);

CREATE INDEX ix_model_version_file_sha256 ON model_version_file (sha256);
