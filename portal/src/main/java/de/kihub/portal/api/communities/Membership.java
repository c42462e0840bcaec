package de.kihub.portal.api.communities;

/** The body of a join request: the tenant that joins. */
public record Membership(String tenant) {}
