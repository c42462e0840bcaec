package de.kihub.registry.version;

/** What can happen to a version, with the states it may happen in (for messages). */
public enum VersionAction {
    SUBMIT("submitted", "DRAFT"),
    APPROVE("approved", "IN_REVIEW"),
    REJECT("rejected", "IN_REVIEW"),
    DEPRECATE("deprecated", "PUBLISHED"),
    ARCHIVE("archived", "PUBLISHED or DEPRECATED");

    private final String pastTense;
    private final String from;

    VersionAction(String pastTense, String from) {
        this.pastTense = pastTense;
        this.from = from;
    }

    String pastTense() {
        return pastTense;
    }

    String from() {
        return from;
    }
}
