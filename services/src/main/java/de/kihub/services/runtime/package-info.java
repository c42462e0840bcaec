/**
 * The inference runtime: which DJL engines are available, a bounded pool of loaded models shared by
 * deployments, the runtime's limits and the per-tenant rate limits, and the exceptions that tell a
 * client to retry later. DJL types stay inside this package tree; callers see plain records.
 */
package de.kihub.services.runtime;
