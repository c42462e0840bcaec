/**
 * Evaluations: a model version measured on a dataset by a bounded background job on the container's
 * managed executor, with progress, cancellation and provenance; the results feed leaderboards and
 * version comparisons. What a viewer sees follows the result's tenant, its public flag and the
 * tenant's choice to share it.
 */
package de.kihub.services.evaluation;
