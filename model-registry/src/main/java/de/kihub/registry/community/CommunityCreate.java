package de.kihub.registry.community;

/** What a curator gives to create a community. */
public record CommunityCreate(String id, String displayName, String description) {}
