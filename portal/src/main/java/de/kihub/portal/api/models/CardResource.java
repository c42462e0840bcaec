package de.kihub.portal.api.models;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.card.CardComparison;
import de.kihub.registry.card.CardLanguage;
import de.kihub.registry.card.CardRevision;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.card.ModelCards;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.ModelRef;
import de.kihub.services.documentation.ModelCardDocuments;
import de.kihub.services.documentation.ModelCardExport;
import de.kihub.services.documentation.ModelCardView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A version's model card: read (JSON, sanitised HTML, or a Hugging Face model card), write, and its
 * revision history. Whoever may see the version may read; the owner tenant's publishers write while
 * it is a draft.
 */
@Path("/models/{owner}/{name}/versions/{version}/card")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CardResource {
    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    static final String MARKDOWN = ModelCardExport.MEDIA_TYPE + ";charset=UTF-8";

    /** The body of a card update: Markdown per section in German and English. */
    public record CardUpdate(Map<CardSection, LocalizedText> sections) {}

    @Inject TenantContext context;

    @Inject ModelCards cards;

    @Inject ModelCardDocuments documents;

    @Inject ModelCardExport export;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, ModelCardExport.MEDIA_TYPE})
    @Operation(
            summary =
                    "The version's model card. format=json (default): Markdown per section (de/en),"
                            + " completeness, revision and the quantitative analyses generated from"
                            + " the hub's evaluations; format=html: the card in one language (lang=de"
                            + " or en) as a sanitised HTML fragment; format=model-card: a Hugging"
                            + " Face model card (Markdown with YAML front matter)")
    @APIResponse(
            responseCode = "200",
            description = "The card in the chosen format",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ModelCardView.class)),
                @Content(mediaType = MediaType.TEXT_HTML),
                @Content(mediaType = ModelCardExport.MEDIA_TYPE)
            })
    @APIResponse(responseCode = "400", description = "Unknown format or language")
    @APIResponse(
            responseCode = "404",
            description = "No such version, or the caller may not see it")
    public Response get(
            @PathParam("owner") String owner,
            @PathParam("name") String name,
            @PathParam("version") String version,
            @QueryParam("format") @DefaultValue("json") String format,
            @QueryParam("lang") @DefaultValue("de") String lang) {
        ModelRef model = ModelRef.of(owner, name);
        var actor = context.caller().actor();
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> Response.ok(documents.view(actor, model, version)).build();
            case "html" ->
                    Response.ok(documents.html(actor, model, version, CardLanguage.of(lang)), HTML)
                            // the fragment is meant for embedding; opened on its own, nothing runs
                            .header("Content-Security-Policy", "default-src 'none'")
                            .header("X-Content-Type-Options", "nosniff")
                            .build();
            case "model-card" ->
                    Response.ok(export.huggingFace(actor, model, version), MARKDOWN)
                            .header(
                                    "Content-Disposition",
                                    "inline; filename=\"" + name + "-" + version + "-README.md\"")
                            .header("X-Content-Type-Options", "nosniff")
                            .build();
            default ->
                    throw new InvalidRequestException(
                            "Unknown format '" + format + "'; use json, html or model-card.");
        };
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Write sections of a draft version's card (owner's publisher); others stay. A"
                            + " change adds a revision to the card's history")
    public ModelCardView update(
            @PathParam("owner") String owner,
            @PathParam("name") String name,
            @PathParam("version") String version,
            CardUpdate update) {
        ModelsResource.required(update);
        return documents.update(
                context.caller().requireAuthenticated().actor(),
                ModelRef.of(owner, name),
                version,
                ModelCard.of(update.sections() == null ? Map.of() : update.sections()));
    }

    @GET
    @Path("/history")
    @Operation(
            summary =
                    "The card's revisions, newest first: number, author (owner tenant and curators"
                            + " only), time, changed sections, completeness")
    public List<CardRevision.Summary> history(
            @PathParam("owner") String owner,
            @PathParam("name") String name,
            @PathParam("version") String version) {
        return cards.history(context.caller().actor(), ModelRef.of(owner, name), version);
    }

    @GET
    @Path("/history/{revision}")
    @Operation(summary = "One revision of the card with all its sections")
    public CardRevision revision(
            @PathParam("owner") String owner,
            @PathParam("name") String name,
            @PathParam("version") String version,
            @PathParam("revision") String revision) {
        return cards.revision(
                context.caller().actor(),
                ModelRef.of(owner, name),
                version,
                number("revision", revision));
    }

    @GET
    @Path("/compare")
    @Operation(
            summary =
                    "What changed between two revisions (default: the latest and the one before):"
                            + " the changed sections and a line diff per section and language")
    public CardComparison compare(
            @PathParam("owner") String owner,
            @PathParam("name") String name,
            @PathParam("version") String version,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return cards.compare(
                context.caller().actor(),
                ModelRef.of(owner, name),
                version,
                from == null ? null : number("from", from),
                to == null ? null : number("to", to));
    }

    private static int number(String what, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(
                    "'" + what + "' must be a revision number (1, 2, ...), not '" + text + "'.");
        }
    }
}
