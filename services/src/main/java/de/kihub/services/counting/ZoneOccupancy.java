package de.kihub.services.counting;

/** How many people stand in one zone: in a frame, or at most during an interval. */
public record ZoneOccupancy(String zone, int occupancy) {}
