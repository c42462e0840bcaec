package de.kihub.registry.artifact;

/**
 * Internal: some bytes are not what they claim to be. The message is a clause such as "has an entry
 * '../x' …" that the inspector completes with the subject ("The archive …") and turns into an
 * {@link InvalidArtifactException}; it never leaves this package.
 */
final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String clause) {
        super(clause, null, false, false);
    }
}
