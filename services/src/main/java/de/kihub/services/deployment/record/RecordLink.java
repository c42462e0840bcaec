package de.kihub.services.deployment.record;

/** A titled link in a record (an impact assessment, a data source); {@code link} may be null. */
public record RecordLink(String title, String link) {}
