-- Catalog fields for search (issue 6). Portable SQL for H2 2.x and PostgreSQL 15+.
-- risk_class and maturity are the publisher's declarations (NULL = not stated).
ALTER TABLE model ADD COLUMN risk_class VARCHAR(20);
ALTER TABLE model ADD COLUMN maturity VARCHAR(20);
ALTER TABLE model ADD CONSTRAINT ck_model_risk_class CHECK (risk_class IN ('MINIMAL', 'LIMITED', 'HIGH'));
ALTER TABLE model ADD CONSTRAINT ck_model_maturity CHECK (maturity IN ('EXPERIMENTAL', 'PILOT', 'PRODUCTION'));

-- Tenants with an ACTIVE deployment of the model ("genutzt von N Kommunen"), kept by the deployments
-- (DeploymentStore -> ModelUsage) in the transaction that changes a deployment's status.
ALTER TABLE model ADD COLUMN active_tenants INTEGER DEFAULT 0 NOT NULL;
UPDATE model SET active_tenants = (
    SELECT COUNT(DISTINCT d.tenant_id) FROM deployment d WHERE d.model_id = model.id AND d.status = 'ACTIVE');

-- The latest released version (highest PUBLISHED, else highest DEPRECATED), its artifact format and its card as
-- plain text, so that the search index needs no join. Kept by the version lifecycle (JpaVersions.transition ->
-- LatestRelease) like `released`; released cards never change. Models released before this migration are filled
-- in by the hub at its next start (LatestRelease.backfill: the card text is assembled from Markdown in Java).
ALTER TABLE model ADD COLUMN latest_version VARCHAR(100);
ALTER TABLE model ADD COLUMN latest_format VARCHAR(20);
ALTER TABLE model ADD COLUMN card_text_de VARCHAR(200000);
ALTER TABLE model ADD COLUMN card_text_en VARCHAR(200000);
ALTER TABLE model ADD CONSTRAINT ck_model_latest_format CHECK (latest_format IN ('ONNX', 'TORCHSCRIPT', 'DJL_ARCHIVE'));

-- The flagship people counter declares itself (new databases get this from the seeder).
UPDATE model SET risk_class = 'MINIMAL', maturity = 'PILOT'
WHERE owner_id = 'kihub' AND name = 'people-counter' AND risk_class IS NULL AND maturity IS NULL;
