package de.kihub.portal.api.models;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.ModelVersionCreate;
import de.kihub.registry.version.VersionAction;
import de.kihub.registry.version.Versions;
import de.kihub.services.publishing.ArtifactDownload;
import de.kihub.services.publishing.ArtifactIntake;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/models/{owner}/{name}/versions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class VersionsResource {

    @Inject TenantContext context;

    @Inject Versions versions;

    @Inject ArtifactIntake intake;

    @Inject ArtifactDownload download;

    @PathParam("owner")
    String owner;

    @PathParam("name")
    String name;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Create a DRAFT version (owner's publisher); versions are semantic and unique")
    public Response create(ModelVersionCreate create) {
        ModelVersion v = versions.create(actor(), ref(), ModelsResource.required(create));
        return Response.created(
                        UriBuilder.fromPath("models/{owner}/{name}/versions/{version}")
                                .build(owner, name, v.version()))
                .entity(v)
                .build();
    }

    @GET
    @Operation(summary = "The versions the caller may see, highest first")
    public List<ModelVersion> list() {
        return versions.list(context.caller().actor(), ref());
    }

    @GET
    @Path("/{version}")
    public ModelVersion get(@PathParam("version") String version) {
        return versions.get(context.caller().actor(), ref(), version);
    }

    @PUT
    @Path("/{version}/artifact")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "Upload the primary artifact (raw bytes, streamed): ONNX, TorchScript or a DJL"
                            + " model archive; inspected before it is kept")
    public ModelVersion upload(
            @PathParam("version") String version,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        return intake.upload(actor(), ref(), version, contentLength, body);
    }

    @GET
    @Path("/{version}/artifact")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download the primary artifact; ETag is its sha256")
    public Response artifact(
            @PathParam("version") String version,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return send(download.open(context.caller().actor(), ref(), version), ifNoneMatch);
    }

    private Response send(ArtifactDownload.Content content, String ifNoneMatch) {
        String etag = "\"" + content.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        StreamingOutput stream = out -> download.copy(content, out);
        return Response.ok(stream, MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CONTENT_LENGTH, content.size())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + content.fileName() + "\"")
                .build();
    }

    @PUT
    @Path("/{version}/files/{fileName}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Add or replace an extra text file (labels, configuration; at most 10 MiB)")
    public ModelVersion uploadFile(
            @PathParam("version") String version,
            @PathParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        return intake.uploadFile(actor(), ref(), version, fileName, contentLength, body);
    }

    @GET
    @Path("/{version}/files/{fileName}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download an extra file; ETag is its sha256")
    public Response file(
            @PathParam("version") String version,
            @PathParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return send(
                download.openFile(context.caller().actor(), ref(), version, fileName), ifNoneMatch);
    }

    @DELETE
    @Path("/{version}/files/{fileName}")
    @Operation(summary = "Remove an extra file of a draft version")
    public ModelVersion removeFile(
            @PathParam("version") String version, @PathParam("fileName") String fileName) {
        return versions.removeFile(actor(), ref(), version, fileName);
    }

    @POST
    @Path("/{version}/submit")
    @Operation(summary = "Submit a draft with an inspected artifact for review (owner's publisher)")
    public ModelVersion submit(@PathParam("version") String version, Review review) {
        return act(version, VersionAction.SUBMIT, review);
    }

    @POST
    @Path("/{version}/approve")
    @Operation(
            summary =
                    "Publish a version in review (curator); makes a requested PUBLIC model public")
    public ModelVersion approve(@PathParam("version") String version, Review review) {
        return act(version, VersionAction.APPROVE, review);
    }

    @POST
    @Path("/{version}/reject")
    @Operation(summary = "Return a version in review to DRAFT with a comment (curator)")
    public ModelVersion reject(@PathParam("version") String version, Review review) {
        return act(version, VersionAction.REJECT, review);
    }

    @POST
    @Path("/{version}/deprecate")
    public ModelVersion deprecate(@PathParam("version") String version, Review review) {
        return act(version, VersionAction.DEPRECATE, review);
    }

    @POST
    @Path("/{version}/archive")
    public ModelVersion archive(@PathParam("version") String version, Review review) {
        return act(version, VersionAction.ARCHIVE, review);
    }

    private ModelVersion act(String version, VersionAction action, Review review) {
        return versions.transition(
                actor(), ref(), version, action, review == null ? null : review.comment());
    }

    private de.kihub.registry.access.Actor actor() {
        return context.caller().requireAuthenticated().actor();
    }

    private ModelRef ref() {
        return ModelRef.of(owner, name);
    }
}
