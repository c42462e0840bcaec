/** Benchmark datasets: registering, uploading validated content, listing, a curator's review. */
package de.kihub.portal.api.datasets;
