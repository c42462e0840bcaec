package de.kihub.registry.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.version.VersionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which version the catalog shows as the latest release, and its card as plain text. */
class LatestReleaseTest {

    static ModelVersionEntity version(String version, VersionStatus status) {
        ModelVersionEntity v = new ModelVersionEntity();
        v.version = version;
        v.status = status;
        v.artifactFormat = ArtifactFormat.ONNX;
        return v;
    }

    @Test
    void theHighestPublishedVersionWinsOverHigherDraftsAndDeprecatedOnes() {
        var latest =
                LatestRelease.latest(
                        List.of(
                                version("1.0.0", VersionStatus.PUBLISHED),
                                version("1.10.0", VersionStatus.PUBLISHED),
                                version("1.9.0", VersionStatus.PUBLISHED),
                                version("2.0.0", VersionStatus.DEPRECATED),
                                version("3.0.0", VersionStatus.IN_REVIEW),
                                version("4.0.0", VersionStatus.ARCHIVED)));
        assertEquals("1.10.0", latest.version);
    }

    @Test
    void withoutAPublishedVersionTheHighestDeprecatedOneIsShown() {
        assertEquals(
                "1.1.0",
                LatestRelease.latest(
                                List.of(
                                        version("1.0.0", VersionStatus.DEPRECATED),
                                        version("1.1.0", VersionStatus.DEPRECATED),
                                        version("2.0.0", VersionStatus.DRAFT)))
                        .version);
        assertNull(LatestRelease.latest(List.of(version("1.0.0", VersionStatus.ARCHIVED))));
    }

    @Test
    void applySetsReleasedVersionFormatAndCardTextOrClearsThem() {
        ModelVersionEntity v = version("1.2.0", VersionStatus.PUBLISHED);
        v.card.add(new ModelVersionEntity.CardText("INTENDED_USE", "de", "Zählt **Besucher**."));
        v.card.add(new ModelVersionEntity.CardText("MODEL_DETAILS", "de", "# NanoDet\nKlein."));
        v.card.add(new ModelVersionEntity.CardText("MODEL_DETAILS", "en", "Small."));
        ModelEntity model = new ModelEntity();
        LatestRelease.apply(model, v);
        assertTrue(model.released);
        assertEquals("1.2.0", model.latestVersion);
        assertEquals(ArtifactFormat.ONNX, model.latestFormat);
        // sections in card order, whatever order they were written in
        assertEquals("NanoDet\nKlein.\n\nZählt Besucher.", model.cardTextDe);
        assertEquals("Small.", model.cardTextEn);

        LatestRelease.apply(model, null);
        assertFalse(model.released);
        assertNull(model.latestVersion);
        assertNull(model.latestFormat);
        assertNull(model.cardTextDe);
    }

    @Test
    void markdownBecomesPlainText() {
        assertEquals(
                "Titel\nSiehe Handbuch und Bild.\nerstens\nzweitens\nZitat\nA B\n1 2",
                LatestRelease.plain(
                        "## Titel\nSiehe [Handbuch](https://example.org) und ![Bild](x.png).\n"
                                + "- erstens\n* zweitens\n> Zitat\n| A | B |\n|---|---|\n| 1 | 2 |"));
        assertEquals(
                "code und kursiv", LatestRelease.plain("`code` und _kursiv_".replace("_", "*")));
        assertNull(LatestRelease.plain("  **  "));
    }
}
