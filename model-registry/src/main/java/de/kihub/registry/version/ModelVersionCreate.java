package de.kihub.registry.version;

/** What a publisher gives to create a version. */
public record ModelVersionCreate(String version, String changelog) {}
