package de.kihub.registry.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.error.ConflictException;
import org.junit.jupiter.api.Test;

class VersionStatusTest {

    @Test
    void followsTheLifecycleFromDraftToArchived() {
        VersionStatus s = VersionStatus.DRAFT.after(VersionAction.SUBMIT);
        assertEquals(VersionStatus.IN_REVIEW, s);
        s = s.after(VersionAction.APPROVE);
        assertEquals(VersionStatus.PUBLISHED, s);
        s = s.after(VersionAction.DEPRECATE);
        assertEquals(VersionStatus.DEPRECATED, s);
        assertEquals(VersionStatus.ARCHIVED, s.after(VersionAction.ARCHIVE));
    }

    @Test
    void aRejectionReturnsToDraft() {
        assertEquals(VersionStatus.DRAFT, VersionStatus.IN_REVIEW.after(VersionAction.REJECT));
    }

    @Test
    void aVersionThatWasNeverSubmittedCannotBeApproved() {
        ConflictException e =
                assertThrows(
                        ConflictException.class,
                        () -> VersionStatus.DRAFT.after(VersionAction.APPROVE));
        assertTrue(e.getMessage().contains("IN_REVIEW"), e.getMessage());
    }

    @Test
    void nothingLeavesArchived() {
        for (VersionAction a : VersionAction.values()) {
            assertThrows(ConflictException.class, () -> VersionStatus.ARCHIVED.after(a));
        }
    }

    @Test
    void publishedVersionsCanBeArchivedDirectly() {
        assertEquals(VersionStatus.ARCHIVED, VersionStatus.PUBLISHED.after(VersionAction.ARCHIVE));
    }
}
