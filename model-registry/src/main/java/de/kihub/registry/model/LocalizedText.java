package de.kihub.registry.model;

/** A text in German (primary) and English. */
public record LocalizedText(String de, String en) {}
