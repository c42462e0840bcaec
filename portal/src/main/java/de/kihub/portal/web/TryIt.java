package de.kihub.portal.web;

import de.kihub.portal.security.Caller;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.Versions;
import de.kihub.services.counting.live.CountingApi;
import de.kihub.services.counting.live.PeopleCounting;
import de.kihub.services.imaging.ImageDecoder;
import de.kihub.services.runtime.InferenceTimeoutException;
import de.kihub.services.runtime.ModelNotUsableException;
import de.kihub.services.runtime.RateLimitedException;
import de.kihub.services.runtime.SaturatedException;
import de.kihub.services.runtime.TenantRateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Try it" on a public people-counting model's page: a signed-in visitor uploads one JPEG or PNG
 * and sees it with the found people boxed and their number. The image is counted by the same
 * service call as {@code POST .../predict} and lives only in memory for the request: the answer
 * carries the drawn picture as a {@code data:} address, nothing is written to disk or database.
 *
 * <p>Only signed-in callers may try (the form posts a session's CSRF token), and a caller of a
 * tenant counts against that tenant's request rate ({@link TenantRateLimits}), as a deployment's
 * calls do; the inference pool's own saturation limit protects the server beyond that.
 */
@ApplicationScoped
public class TryIt {
    static final String TASK = "people-counting";

    /** The same limit as the API's predict endpoint. */
    static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

    static final String FIELD = "image";

    static final Set<String> TYPES = Set.of("image/jpeg", "image/png");

    private final ImageDecoder decoder = ImageDecoder.defaults();

    @Inject PageRenderer pages;

    @Inject Models models;

    @Inject Versions versions;

    @Inject PeopleCounting counting;

    @Inject TenantRateLimits rateLimits;

    /** The result page's values. */
    public record Result(int count, String image, String fileName) {}

    void handle(
            Caller caller,
            ModelRef ref,
            PageModel page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        String modelPage =
                request.getContextPath() + ModelPage.href(ref.owner().value(), ref.name());
        if (!caller.authenticated()) {
            response.sendRedirect(
                    PageModel.loginUrl(request.getContextPath(), modelPage, QueryParameters.EMPTY));
            return;
        }
        Part part;
        try {
            if (!Csrf.valid(request)) {
                pages.renderError(
                        page, HttpServletResponse.SC_FORBIDDEN, "error.csrf", request, response);
                return;
            }
            part = request.getPart(FIELD);
        } catch (IllegalStateException e) {
            // the container refused a request above the multipart limits
            error(page, 413, "error.tryIt.tooLarge", request, response);
            return;
        } catch (ServletException e) {
            error(page, 400, "error.tryIt.noImage", request, response);
            return;
        }
        Model model;
        ModelVersion version;
        try {
            model = models.get(caller.actor(), ref);
            version = ModelPageServlet.tryItVersion(model, versions.list(caller.actor(), ref));
        } catch (NotFoundException e) {
            page.put("model", ref.toString());
            pages.renderError(page, 404, "error.modelNotFound", request, response);
            return;
        }
        if (version == null) {
            error(page, 400, "error.tryIt.notAvailable", request, response);
            return;
        }
        String problem = problem(part);
        if (problem != null) {
            error(page, problem.endsWith("tooLarge") ? 413 : 400, problem, request, response);
            return;
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes((int) MAX_IMAGE_BYTES + 1);
        } finally {
            part.delete();
        }
        if (bytes.length == 0) {
            error(page, 400, "error.tryIt.noImage", request, response);
            return;
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            error(page, 413, "error.tryIt.tooLarge", request, response);
            return;
        }
        CountingApi.Prediction prediction;
        BufferedImage image;
        try {
            caller.optTenant().ifPresent(rateLimits::acquire);
            image = decoder.decode(bytes);
            prediction = counting.predict(caller.actor(), ref, version.version(), bytes, null);
        } catch (RateLimitedException e) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, e.retryAfterSeconds())));
            error(page, 429, "error.tryIt.rateLimited", request, response);
            return;
        } catch (SaturatedException | InferenceTimeoutException | ModelNotUsableException e) {
            error(page, 503, "error.tryIt.busy", request, response);
            return;
        } catch (InvalidRequestException e) {
            error(page, 400, "error.tryIt.unreadable", request, response);
            return;
        }
        List<double[]> boxes =
                prediction.detections().stream().map(CountingApi.Found::box).toList();
        page.put(
                "result",
                new Result(
                        prediction.count(),
                        AnnotatedImage.dataUrl(image, boxes),
                        part.getSubmittedFileName()));
        page.put("modelRef", ref.toString());
        page.put("modelHref", ModelPage.href(ref.owner().value(), ref.name()));
        page.put("version", version.version());
        page.put(
                "tryItAction",
                ModelPage.href(ref.owner().value(), ref.name()) + "/" + ModelPageServlet.TRY_IT);
        pages.render("tryit", page, request, response);
    }

    /** What is wrong with the uploaded part, as a message key, or null. */
    static String problem(Part part) {
        if (part == null || part.getSize() == 0) {
            return "error.tryIt.noImage";
        }
        if (part.getSize() > MAX_IMAGE_BYTES) {
            return "error.tryIt.tooLarge";
        }
        String type = part.getContentType();
        if (type == null || !TYPES.contains(type.toLowerCase(Locale.ROOT).split(";")[0].strip())) {
            return "error.tryIt.type";
        }
        return null;
    }

    private void error(
            PageModel page,
            int status,
            String reason,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        page.put("model", String.valueOf(MAX_IMAGE_BYTES / (1024 * 1024)));
        pages.renderError(page, status, reason, request, response);
    }
}
