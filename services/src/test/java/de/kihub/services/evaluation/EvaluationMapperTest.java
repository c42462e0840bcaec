package de.kihub.services.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.access.Actor;
import de.kihub.registry.dataset.Dataset;
import de.kihub.registry.dataset.DatasetFormat;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.version.VersionReference;
import de.kihub.registry.version.VersionStatus;
import de.kihub.services.evaluation.metrics.CountingMetrics;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvaluationMapperTest {
    static final Instant START = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void estimatesTheTimeLeftFromThePaceSoFar() {
        EvaluationEntity e = running(100, 400);

        // 100 items in 20 s: 300 more take 60 s
        assertEquals(60L, EvaluationMapper.eta(e, START.plusSeconds(20)));
        e.itemsDone = 0;
        assertNull(EvaluationMapper.eta(e, START.plusSeconds(20)), "no pace yet");
        e.itemsDone = 400;
        e.status = EvaluationStatus.SUCCEEDED;
        assertNull(EvaluationMapper.eta(e, START.plusSeconds(80)));
    }

    @Test
    void showsTheJobWithProvenanceAndHidesWhoRanItFromOtherTenants() throws Exception {
        EvaluationEntity e = running(100, 400);
        e.metrics =
                EvaluationRunner.toJson(
                        new EvaluationMetrics(
                                3,
                                Map.of("mae", 0.5),
                                new CountingMetrics().result(),
                                null,
                                null,
                                null,
                                null));
        VersionReference version =
                new VersionReference(
                        e.modelId,
                        e.versionId,
                        ModelRef.of("kihub", "people-counter"),
                        "1.0.0",
                        "people-counting",
                        VersionStatus.PUBLISHED,
                        null);
        Dataset dataset =
                new Dataset(
                        e.datasetId,
                        "w-hs/pets09",
                        "w-hs",
                        "pets09",
                        "PETS09",
                        null,
                        "people-counting",
                        DatasetFormat.MOT,
                        "CC-BY-NC-SA-3.0",
                        Visibility.PRIVATE,
                        null,
                        e.datasetSha256,
                        1L,
                        400,
                        "rita",
                        START,
                        START);
        Actor rita = EvaluationAccessTest.RITA;

        Evaluation own = EvaluationMapper.toEvaluation(rita, e, version, dataset, START);
        Evaluation other =
                EvaluationMapper.toEvaluation(EvaluationAccessTest.MIA, e, version, dataset, START);

        assertEquals("kihub/people-counter", own.model());
        assertEquals("w-hs/pets09", own.dataset());
        assertEquals("rita.researcher", own.provenance().createdBy());
        assertNull(other.provenance().createdBy());
        assertEquals(
                0.45,
                own.provenance().configuration().getJsonNumber("scoreThreshold").doubleValue());
        assertEquals(Map.of("mae", 0.5), EvaluationMapper.summary(e.metrics));
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(own);
            assertTrue(json.contains("\"public\":false"), json);
            assertFalse(json.contains("publicResult"), json);
            assertTrue(json.contains("\"done\":100"), json);
            assertTrue(json.contains("\"total\":400"), json);
            assertTrue(json.contains("\"summary\":{\"mae\":0.5}"), json);
        }
    }

    static EvaluationEntity running(int done, int total) {
        EvaluationEntity e = new EvaluationEntity();
        e.id = UUID.randomUUID();
        e.tenantId = "w-hs";
        e.modelId = UUID.randomUUID();
        e.versionId = UUID.randomUUID();
        e.datasetId = UUID.randomUUID();
        e.task = "people-counting";
        e.configuration = "{\"scoreThreshold\":0.45,\"minBoxSize\":0.0}";
        e.status = EvaluationStatus.RUNNING;
        e.itemsDone = done;
        e.itemsTotal = total;
        e.startedAt = START;
        e.modelSha256 = "a".repeat(64);
        e.datasetSha256 = "b".repeat(64);
        e.hubVersion = "0.1.0-SNAPSHOT";
        e.createdBy = "rita.researcher";
        e.createdAt = START;
        return e;
    }
}
