/**
 * Evaluations at {@code /api/v1/evaluations} (start, progress, result, cancel, share) and
 * leaderboards and version comparisons at {@code /api/v1/leaderboards}. Results that a caller may
 * not see answer 404.
 */
package de.kihub.portal.api.evaluations;
