package de.kihub.portal.api.deployments;

import de.kihub.portal.security.TenantContext;
import de.kihub.portal.web.PageRenderer;
import de.kihub.portal.web.RecordPage;
import de.kihub.registry.access.Actor;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentCreate;
import de.kihub.services.deployment.DeploymentRecords;
import de.kihub.services.deployment.Deployments;
import de.kihub.services.deployment.QuestionnaireView;
import de.kihub.services.deployment.RecordExport;
import de.kihub.services.deployment.RecordRevision;
import de.kihub.services.deployment.record.RecordDocument;
import de.kihub.services.deployment.record.RecordFormat;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/tenants/{tenant}/deployments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DeploymentsResource {
    @Inject TenantContext context;

    @Inject Deployments deployments;

    @Inject DeploymentRecords records;

    @Inject PageRenderer pages;

    @Context HttpServletRequest request;

    @Context HttpServletResponse response;

    @PathParam("tenant")
    String tenant;

    /** Body of sign-off, upgrade and similar small requests. */
    public record Comment(String comment) {}

    public record VersionChoice(String version) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Deploy a published model version for the tenant (deployer or tenant-admin);"
                            + " starts as PENDING_DOCUMENTATION")
    public Response create(DeploymentCreate create) {
        Deployment d = deployments.create(actor(), tenantId(), create);
        return Response.created(
                        UriBuilder.fromPath("tenants/{tenant}/deployments/{id}")
                                .build(tenant, d.id()))
                .entity(d)
                .build();
    }

    @GET
    @Operation(summary = "The tenant's deployments, newest first")
    public List<Deployment> list() {
        return deployments.list(actor(), tenantId());
    }

    @GET
    @Path("/{id}")
    public Deployment get(@PathParam("id") String id) {
        return deployments.get(actor(), tenantId(), uuid(id));
    }

    @PUT
    @Path("/{id}/configuration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the configuration (checked against the model's task)")
    public Deployment configure(@PathParam("id") String id, JsonObject configuration) {
        return deployments.configure(actor(), tenantId(), uuid(id), configuration);
    }

    @GET
    @Path("/{id}/record")
    @Produces({MediaType.APPLICATION_JSON, "text/markdown", MediaType.TEXT_HTML})
    @Operation(
            summary =
                    "The deployment record (JSON), or an export with format=algoritmeregister,"
                            + " atrs, ai-act-annex-viii (JSON), model-card (Markdown) or html"
                            + " (printable page; lang=en for English labels)")
    public Response record(
            @PathParam("id") String id,
            @QueryParam("format") String format,
            @QueryParam("lang") String lang) {
        UUID uuid = uuid(id);
        if (format == null || format.isBlank()) {
            return Response.ok(records.view(actor(), tenantId(), uuid), MediaType.APPLICATION_JSON)
                    .build();
        }
        RecordFormat f = RecordFormat.parse(format);
        String file = "record-" + uuid + "-" + f.key();
        if (f == RecordFormat.HTML) {
            Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.GERMAN;
            RecordDocument doc = records.document(actor(), tenantId(), uuid);
            String html =
                    pages.renderToString(
                            "record",
                            RecordPage.model(doc, locale, false),
                            locale,
                            request,
                            response);
            Response.ResponseBuilder r =
                    Response.ok(html, "text/html;charset=UTF-8")
                            .header("Content-Language", locale.getLanguage())
                            .header(
                                    "Content-Disposition",
                                    "inline; filename=\"" + file + ".html\"");
            PageRenderer.HEADERS.forEach(r::header);
            return r.build();
        }
        RecordExport export = records.export(actor(), tenantId(), uuid, f);
        String extension = f == RecordFormat.MODEL_CARD ? ".md" : ".json";
        return Response.ok(export.body(), export.mediaType() + ";charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + file + extension + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @PUT
    @Path("/{id}/record")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Replace the deployment record (deployer, tenant-admin or dpo); empty fields the"
                            + " model card answers are filled in from it; a change withdraws the"
                            + " sign-off")
    public Deployment putRecord(@PathParam("id") String id, JsonObject record) {
        return records.putRecord(actor(), tenantId(), uuid(id), required(record));
    }

    @POST
    @Path("/{id}/record/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Sign off the complete record (the tenant's dpo, with a comment); needs the"
                            + " answered questionnaire, no prohibited practice, and for HIGH_RISK"
                            + " the FRIA and DPIA summaries")
    public Deployment signOff(@PathParam("id") String id, Comment comment) {
        return records.signOff(actor(), tenantId(), uuid(id), required(comment).comment());
    }

    @GET
    @Path("/{id}/record/questionnaire")
    @Operation(summary = "The EU AI Act questionnaire: questions, answers and assessment")
    public QuestionnaireView questionnaire(@PathParam("id") String id) {
        return records.questionnaire(actor(), tenantId(), uuid(id));
    }

    @PUT
    @Path("/{id}/record/questionnaire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Answer every question ({\"answers\": {...}}); the risk class and reasons are"
                            + " stored with the answers; a change withdraws the sign-off; a"
                            + " prohibited practice pauses an ACTIVE deployment")
    public QuestionnaireView answer(@PathParam("id") String id, JsonObject answers) {
        return records.answer(actor(), tenantId(), uuid(id), required(answers));
    }

    @GET
    @Path("/{id}/record/history")
    @Operation(summary = "Every revision of record and questionnaire, newest first")
    public List<RecordRevision> history(@PathParam("id") String id) {
        return records.history(actor(), tenantId(), uuid(id));
    }

    @GET
    @Path("/{id}/record/history/{revision}")
    @Operation(summary = "One revision with its record and questionnaire")
    public RecordRevision revision(
            @PathParam("id") String id, @PathParam("revision") String revision) {
        return records.revision(actor(), tenantId(), uuid(id), number(revision, "revision"));
    }

    @GET
    @Path("/{id}/record/compare")
    @Operation(summary = "What changed between two revisions (from, to), field by field")
    public JsonObject compare(
            @PathParam("id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return records.compare(
                actor(), tenantId(), uuid(id), number(from, "from"), number(to, "to"));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(
            summary = "Load and check the model, then start answering (needs a signed-off record)")
    public Deployment activate(@PathParam("id") String id) {
        return deployments.activate(actor(), tenantId(), uuid(id));
    }

    @POST
    @Path("/{id}/pause")
    public Deployment pause(@PathParam("id") String id) {
        return deployments.pause(actor(), tenantId(), uuid(id));
    }

    @POST
    @Path("/{id}/retire")
    @Operation(summary = "Stop for good; machine credentials are revoked, counts stay readable")
    public Deployment retire(@PathParam("id") String id) {
        return deployments.retire(actor(), tenantId(), uuid(id));
    }

    @POST
    @Path("/{id}/upgrade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Switch to another published version of the same model, keeping the"
                            + " configuration; running deployments switch without a failed request")
    public Deployment upgrade(@PathParam("id") String id, VersionChoice choice) {
        return deployments.upgrade(actor(), tenantId(), uuid(id), required(choice).version());
    }

    @POST
    @Path("/{id}/rollback")
    @Operation(summary = "Return to the version the deployment ran before its last change")
    public Deployment rollback(@PathParam("id") String id) {
        return deployments.rollback(actor(), tenantId(), uuid(id));
    }

    private Actor actor() {
        return context.caller().actorFor(tenantId());
    }

    private TenantId tenantId() {
        return TenantId.of(tenant);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + id + "' is not an id.");
        }
    }

    static int number(String text, String name) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("'" + name + "' must be a revision number (1, 2, ...).");
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required.");
        }
        return body;
    }
}
