-- Model cards (after "Model Cards for Model Reporting", Mitchell et al.): per version, per section and language,
-- Markdown text. A new version starts with a copy of the previous version's card.
CREATE TABLE model_card_section (
    version_id UUID           NOT NULL,
    section    VARCHAR(40)    NOT NULL,
    language   VARCHAR(2)     NOT NULL,
    markdown   VARCHAR(20000) NOT NULL,
    CONSTRAINT pk_model_card_section PRIMARY KEY (version_id, section, language),
    CONSTRAINT fk_model_card_section_version FOREIGN KEY (version_id) REFERENCES model_version (id),
    CONSTRAINT ck_model_card_language CHECK (language IN ('de', 'en'))
);
