package de.kihub.portal.api.models;

import de.kihub.portal.security.TenantContext;
import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.card.ModelCards;
import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.ModelRef;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/models/{owner}/{name}/versions/{version}/card")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class CardResource {

    /** The body of a card update: Markdown per section in German and English. */
    public record CardUpdate(Map<CardSection, LocalizedText> sections) {}

    @Inject TenantContext context;

    @Inject ModelCards cards;

    @GET
    @Operation(
            summary = "The version's model card (Markdown per section, de/en) and its completeness")
    public ModelCard get(
            @PathParam("owner") String owner,
            @PathParam("name") String name,
            @PathParam("version") String version) {
        return cards.get(context.caller().actor(), ModelRef.of(owner, name), version);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Write sections of a draft version's card (owner's publisher); others stay")
    public ModelCard update(
            @PathParam("owner") String owner,
            @PathParam("name") String name,
            @PathParam("version") String version,
            CardUpdate update) {
        ModelsResource.required(update);
        return cards.update(
                context.caller().requireAuthenticated().actor(),
                ModelRef.of(owner, name),
                version,
                ModelCard.of(update.sections() == null ? Map.of() : update.sections()));
    }
}
