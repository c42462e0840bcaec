/**
 * Deployments: a tenant runs one published model version under a name, with a configuration checked
 * against the model's task, a documented and signed-off record, and a lifecycle from documentation
 * to retirement. {@link de.kihub.services.deployment.DeploymentRuntime} keeps what the active ones
 * need per request in memory.
 */
package de.kihub.services.deployment;
