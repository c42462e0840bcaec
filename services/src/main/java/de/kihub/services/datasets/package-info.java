/**
 * Dataset content: upload intake (safe unpacking, bounded size, validation that names the first bad
 * line or file) and reading a stored dataset for evaluations.
 */
package de.kihub.services.datasets;
