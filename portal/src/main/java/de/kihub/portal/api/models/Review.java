package de.kihub.portal.api.models;

/** The optional body of a lifecycle action: a comment (required when rejecting). */
public record Review(String comment) {}
