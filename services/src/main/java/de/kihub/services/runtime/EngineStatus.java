package de.kihub.services.runtime;

/**
 * Whether one DJL engine could be loaded in this server, with its native library version or the
 * reason it could not.
 */
public record EngineStatus(String name, boolean available, String version, String problem) {}
