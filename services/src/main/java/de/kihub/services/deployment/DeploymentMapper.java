package de.kihub.services.deployment;

/** Entity to API record. */
final class DeploymentMapper {
    private DeploymentMapper() {}

    static Deployment toDeployment(
            DeploymentEntity e, String model, String version, String previous) {
        return new Deployment(
                e.id,
                e.tenantId,
                e.name,
                model,
                version,
                previous,
                e.task,
                e.status,
                TaskConfigurations.parse(e.configuration),
                e.record().toJson(),
                e.recordRevision,
                e.signedOff()
                        ? new Deployment.SignOff(e.signedOffBy, e.signedOffAt, e.signOffComment)
                        : null,
                e.riskClass,
                e.createdBy,
                e.createdAt,
                e.updatedAt,
                e.activatedAt,
                e.retiredAt);
    }
}
