package de.kihub.services.deployment;

/** An exported record: its media type and text (JSON or Markdown). */
public record RecordExport(String mediaType, String body) {}
