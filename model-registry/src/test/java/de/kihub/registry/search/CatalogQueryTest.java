package de.kihub.registry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.kihub.registry.artifact.ArtifactFormat;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.RiskClass;
import org.junit.jupiter.api.Test;

class CatalogQueryTest {

    static CatalogQuery query(String riskClass, String format, String sort) {
        return CatalogQuery.of("x", null, null, null, riskClass, format, " ", sort, null, null);
    }

    @Test
    void choicesAreParsedInAnyCaseAndBlankMeansNone() {
        CatalogQuery q = query("limited", "onnx", "REUSE");
        assertEquals(RiskClass.LIMITED, q.riskClass());
        assertEquals(ArtifactFormat.ONNX, q.format());
        assertEquals(CatalogSort.REUSE, q.sort());
        assertNull(q.owner());
        assertNull(query("", null, null).riskClass());
        assertEquals(CatalogQuery.DEFAULT_SIZE, q.size());
    }

    @Test
    void unknownChoicesNameWhatIsAllowed() {
        assertEquals(
                "Unknown format 'SAFETENSORS'; use one of ONNX, TORCHSCRIPT, DJL_ARCHIVE.",
                assertThrows(InvalidRequestException.class, () -> query(null, "SAFETENSORS", null))
                        .getMessage());
        assertThrows(InvalidRequestException.class, () -> query("none", null, null));
        assertThrows(InvalidRequestException.class, () -> query(null, null, "popular"));
    }
}
