-- Model card history: every save that changes a version's card keeps the whole card as a revision (1, 2, ... per
-- version) with its author and time; a new version's copy of the previous card is its revision 1. The current card
-- stays in model_card_section; revisions are only ever added, never changed.
CREATE TABLE model_card_revision (
    version_id UUID                     NOT NULL,
    revision   INTEGER                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(255)             NOT NULL,
    note       VARCHAR(200),
    CONSTRAINT pk_model_card_revision PRIMARY KEY (version_id, revision),
    CONSTRAINT fk_model_card_revision_version FOREIGN KEY (version_id) REFERENCES model_version (id),
    CONSTRAINT ck_model_card_revision_number CHECK (revision > 0)
);

CREATE TABLE model_card_revision_section (
    version_id UUID           NOT NULL,
    revision   INTEGER        NOT NULL,
    section    VARCHAR(40)    NOT NULL,
    language   VARCHAR(2)     NOT NULL,
    markdown   VARCHAR(20000) NOT NULL,
    CONSTRAINT pk_model_card_revision_section PRIMARY KEY (version_id, revision, section, language),
    CONSTRAINT fk_model_card_revision_section FOREIGN KEY (version_id, revision)
        REFERENCES model_card_revision (version_id, revision),
    CONSTRAINT ck_model_card_revision_language CHECK (language IN ('de', 'en'))
);

-- Cards written before this migration become revision 1 of their version, in the name of whoever created it.
INSERT INTO model_card_revision (version_id, revision, created_at, created_by, note)
SELECT v.id, 1, CURRENT_TIMESTAMP, v.created_by, 'the card as it was when the hub began to keep revisions'
FROM model_version v
WHERE EXISTS (SELECT 1 FROM model_card_section s WHERE s.version_id = v.id);

INSERT INTO model_card_revision_section (version_id, revision, section, language, markdown)
SELECT s.version_id, 1, s.section, s.language, s.markdown
FROM model_card_section s;
