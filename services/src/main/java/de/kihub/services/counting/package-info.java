/**
 * Anonymous people counting for one camera: decodes the person detections of NanoDet-m or
 * CenterNet, follows them with an in-memory tracker, counts line crossings and zone occupancy, and
 * reduces everything to per-interval aggregates, the only thing meant to be stored.
 */
package de.kihub.services.counting;
