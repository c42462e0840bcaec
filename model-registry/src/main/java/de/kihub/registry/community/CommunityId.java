package de.kihub.registry.community;

import de.kihub.registry.Slugs;

/** A community's identifier, a lower-case slug such as {@code ruhr-mobilitaet}. */
public record CommunityId(String value) {
    public CommunityId {
        Slugs.require(value, "community id");
    }

    public static CommunityId of(String value) {
        return new CommunityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
