package de.kihub.portal.api.counting;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.artifact.PayloadTooLargeException;
import de.kihub.registry.model.ModelRef;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.counting.live.PeopleCounting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/models/{owner}/{name}/versions/{version}/predict")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class PredictResource {
    /** Camera frames and photos; a larger body is refused before it is decoded. */
    static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

    @Inject TenantContext context;

    @Inject PeopleCounting counting;

    @PathParam("owner")
    String owner;

    @PathParam("name")
    String name;

    @PathParam("version")
    String version;

    @POST
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            summary =
                    "Count the people in one JPEG or PNG image; the boxes are returned, nothing is"
                            + " stored")
    public CountingApi.Prediction predict(
            @QueryParam("threshold") Float threshold,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            InputStream body) {
        return counting.predict(
                context.caller().actor(), ref(), version, read(body, length), threshold);
    }

    private ModelRef ref() {
        return ModelRef.of(owner, name);
    }

    /**
     * An image body, refused (413) above {@link #MAX_IMAGE_BYTES} before it is decoded. With a
     * declared length the body is read straight into one array of that size, not into 16 KiB chunks
     * that are then copied together (half the garbage per camera frame).
     */
    public static byte[] read(InputStream body, Long declared) {
        if (declared != null && declared > MAX_IMAGE_BYTES) {
            throw new PayloadTooLargeException(MAX_IMAGE_BYTES);
        }
        try {
            if (declared != null && declared > 0) {
                byte[] bytes = new byte[(int) (long) declared];
                int n = body.readNBytes(bytes, 0, bytes.length);
                if (n < bytes.length) {
                    return Arrays.copyOf(bytes, n);
                }
                byte[] more = body.readNBytes((int) (MAX_IMAGE_BYTES - n) + 1);
                if (more.length == 0) {
                    return bytes;
                }
                if (n + more.length > MAX_IMAGE_BYTES) {
                    throw new PayloadTooLargeException(MAX_IMAGE_BYTES);
                }
                byte[] all = Arrays.copyOf(bytes, n + more.length);
                System.arraycopy(more, 0, all, n, more.length);
                return all;
            }
            byte[] bytes = body.readNBytes((int) MAX_IMAGE_BYTES + 1);
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw new PayloadTooLargeException(MAX_IMAGE_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
