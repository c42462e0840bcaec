-- Whether a model has a released (PUBLISHED or DEPRECATED) version: the catalog search shows other tenants only
-- such models, and keeping it on the model row lets the search index filter on it without a join.
-- Maintained by the version lifecycle (JpaVersions.transition). Portable SQL for H2 2.x and PostgreSQL 15+.
ALTER TABLE model ADD COLUMN released BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE model SET released = TRUE
WHERE EXISTS (SELECT 1 FROM model_version v WHERE v.model_id = model.id AND v.status IN ('PUBLISHED', 'DEPRECATED'));
