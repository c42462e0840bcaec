/**
 * People counting as a service: single-image predictions and counting sessions for camera streams.
 * Frames are processed in memory; only per-interval aggregates are stored.
 */
package de.kihub.services.counting.live;
