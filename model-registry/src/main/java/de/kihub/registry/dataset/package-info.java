/**
 * Benchmark datasets: owned by a tenant, private or (after a curator's approval) public, with a
 * licence, a task and one content archive in the artifact store, validated on upload.
 */
package de.kihub.registry.dataset;
