package de.kihub.registry.version;

import de.kihub.registry.error.ConflictException;
import java.util.Set;

/**
 * A version's lifecycle state. Nothing is deleted once published: it is deprecated, then archived.
 */
public enum VersionStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    DEPRECATED,
    ARCHIVED;

    /** States whose versions anyone who may see the model may see. */
    public static final Set<VersionStatus> RELEASED = Set.of(PUBLISHED, DEPRECATED, ARCHIVED);

    /** The state after {@code action}, or ConflictException naming what is allowed. */
    public VersionStatus after(VersionAction action) {
        VersionStatus next =
                switch (action) {
                    case SUBMIT -> this == DRAFT ? IN_REVIEW : null;
                    case APPROVE -> this == IN_REVIEW ? PUBLISHED : null;
                    case REJECT -> this == IN_REVIEW ? DRAFT : null;
                    case DEPRECATE -> this == PUBLISHED ? DEPRECATED : null;
                    case ARCHIVE -> this == PUBLISHED || this == DEPRECATED ? ARCHIVED : null;
                };
        if (next == null) {
            throw new ConflictException(
                    "A version in state "
                            + this
                            + " cannot be "
                            + action.pastTense()
                            + " (it must be "
                            + action.from()
                            + ").");
        }
        return next;
    }
}
