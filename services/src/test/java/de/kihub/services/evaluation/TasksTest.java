package de.kihub.services.evaluation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.error.ConflictException;
import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void aPeopleCounterIsEvaluatedOnCountsAndMotDatasets() {
        assertDoesNotThrow(
                () ->
                        Tasks.requireEvaluable(
                                "people-counting", "people-counting", DatasetFormat.COUNTS_CSV));
        assertDoesNotThrow(
                () ->
                        Tasks.requireEvaluable(
                                "people-counting", "object-detection", DatasetFormat.MOT));
    }

    @Test
    void anImageClassifierIsEvaluatedOnClassFolders() {
        assertDoesNotThrow(
                () ->
                        Tasks.requireEvaluable(
                                "image-classification",
                                "image-classification",
                                DatasetFormat.CLASS_FOLDERS));
        ConflictException e =
                assertThrows(
                        ConflictException.class,
                        () ->
                                Tasks.requireEvaluable(
                                        "image-classification",
                                        "people-counting",
                                        DatasetFormat.COUNTS_CSV));
        assertTrue(e.getMessage().contains("CLASS_FOLDERS"), e.getMessage());
    }

    @Test
    void otherTasksAreNotSupportedYetAndSaySo() {
        ConflictException e =
                assertThrows(
                        ConflictException.class,
                        () ->
                                Tasks.requireEvaluable(
                                        "speech-recognition",
                                        "image-classification",
                                        DatasetFormat.CLASS_FOLDERS));
        assertTrue(e.getMessage().contains("not supported yet"), e.getMessage());
    }

    @Test
    void aTaskOrFormatThatDoesNotFitIsAConflict() {
        assertThrows(
                ConflictException.class,
                () ->
                        Tasks.requireEvaluable(
                                "people-counting",
                                "image-classification",
                                DatasetFormat.CLASS_FOLDERS));
        assertThrows(
                ConflictException.class,
                () ->
                        Tasks.requireEvaluable(
                                "object-detection", "object-detection", DatasetFormat.MOT));
    }
}
