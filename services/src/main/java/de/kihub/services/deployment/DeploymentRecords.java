package de.kihub.services.deployment;

import de.kihub.registry.access.Actor;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.card.ModelCards;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.tenant.Tenant;
import de.kihub.registry.tenant.TenantDirectory;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.counting.live.PeopleCounting;
import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.CardPrefill;
import de.kihub.services.deployment.record.DeploymentCardSection;
import de.kihub.services.deployment.record.DeploymentRecord;
import de.kihub.services.deployment.record.Prefill;
import de.kihub.services.deployment.record.RecordDiff;
import de.kihub.services.deployment.record.RecordDocument;
import de.kihub.services.deployment.record.RecordExports;
import de.kihub.services.deployment.record.RecordFormat;
import de.kihub.services.deployment.record.RecordSubject;
import de.kihub.services.deployment.record.RegisterStatus;
import de.kihub.services.documentation.ModelCardExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A deployment's documentation: the record (pre-filled from the model card), the EU AI Act
 * questionnaire, the DPO's sign-off, the revision history, the exports and what the public
 * transparency page shows. Transactions and audit events live in {@link RecordStore}.
 */
@ApplicationScoped
public class DeploymentRecords {
    @Inject RecordStore store;

    @Inject ModelCards cards;

    @Inject ModelCardExport cardExport;

    @Inject Models models;

    @Inject TenantDirectory tenants;

    @Inject DeploymentRuntime runtime;

    @Inject PeopleCounting counting;

    public RecordView view(Actor actor, TenantId tenant, UUID id) {
        RecordStore.Snapshot s = store.snapshot(actor, tenant, id);
        RecordDocument doc = document(actor, s);
        AiActQuestionnaire q = s.questionnaire();
        List<String> missing =
                new ArrayList<>(
                        doc.record().missing(q == null ? null : q.assessment().riskClass()));
        if (q == null) {
            missing.add("questionnaire");
        }
        Deployment d = s.deployment();
        return new RecordView(
                d.id(),
                d.name(),
                d.status(),
                d.recordRevision(),
                doc.record().toJson(),
                missing,
                q == null ? null : q.toJson(),
                d.riskClass(),
                d.signOff(),
                s.current() == null ? null : s.current().author,
                s.current() == null ? null : s.current().createdAt);
    }

    /** Replaces the record; empty fields the model card answers are filled in from it. */
    public Deployment putRecord(Actor actor, TenantId tenant, UUID id, JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON record is required.");
        }
        Deployment d = store.snapshot(actor, tenant, id).deployment(); // 404 before 400
        DeploymentRecord requested = DeploymentRecord.parse(body);
        return store.putRecord(actor, tenant, id, requested, prefill(actor, d));
    }

    public QuestionnaireView questionnaire(Actor actor, TenantId tenant, UUID id) {
        RecordStore.Snapshot s = store.snapshot(actor, tenant, id);
        return questionnaireView(s.deployment(), s.questionnaire(), false);
    }

    /** Stores the answers; a prohibited practice stops an ACTIVE deployment at once. */
    public QuestionnaireView answer(Actor actor, TenantId tenant, UUID id, JsonObject body) {
        store.snapshot(actor, tenant, id); // 404 before 400
        AiActQuestionnaire q = AiActQuestionnaire.parse(body);
        RecordStore.Answered answered = store.putQuestionnaire(actor, tenant, id, q);
        if (answered.stopped()) {
            runtime.stop(id);
            counting.endSessions(id);
        }
        return questionnaireView(answered.deployment(), q, answered.stopped());
    }

    public Deployment signOff(Actor actor, TenantId tenant, UUID id, String comment) {
        return store.signOff(actor, tenant, id, comment);
    }

    /** Every revision, newest first, without their contents. */
    public List<RecordRevision> history(Actor actor, TenantId tenant, UUID id) {
        return store.history(actor, tenant, id).stream()
                .map(
                        r ->
                                new RecordRevision(
                                        r.revision,
                                        r.change.name(),
                                        r.author,
                                        r.createdAt,
                                        r.riskClass,
                                        r.signOff(),
                                        null,
                                        null))
                .toList();
    }

    public RecordRevision revision(Actor actor, TenantId tenant, UUID id, int revision) {
        RecordRevisionEntity r = store.revision(actor, tenant, id, revision);
        AiActQuestionnaire q = r.questionnaire();
        return new RecordRevision(
                r.revision,
                r.change.name(),
                r.author,
                r.createdAt,
                r.riskClass,
                r.signOff(),
                r.record().toJson(),
                q == null ? null : q.toJson());
    }

    /** What changed from one revision to another, field by field. */
    public JsonObject compare(Actor actor, TenantId tenant, UUID id, int from, int to) {
        RecordRevisionEntity a = store.revision(actor, tenant, id, from);
        RecordRevisionEntity b = store.revision(actor, tenant, id, to);
        JsonArrayBuilder changes = Json.createArrayBuilder();
        for (RecordDiff.Change c :
                RecordDiff.between(a.record(), a.questionnaire(), b.record(), b.questionnaire())) {
            changes.add(
                    Json.createObjectBuilder()
                            .add("field", c.field())
                            .add("from", c.from())
                            .add("to", c.to()));
        }
        return Json.createObjectBuilder()
                .add("from", revisionJson(a))
                .add("to", revisionJson(b))
                .add("changes", changes)
                .build();
    }

    /** The current record with its deployment, for exports and the printable page. */
    public RecordDocument document(Actor actor, TenantId tenant, UUID id) {
        return document(actor, store.snapshot(actor, tenant, id));
    }

    /** The record in a JSON or Markdown format (HTML is rendered by the portal). */
    public RecordExport export(Actor actor, TenantId tenant, UUID id, RecordFormat format) {
        RecordDocument doc = document(actor, tenant, id);
        return switch (format) {
            case ALGORITMEREGISTER ->
                    new RecordExport(
                            format.mediaType(), RecordExports.algoritmeregister(doc).toString());
            case ATRS -> new RecordExport(format.mediaType(), RecordExports.atrs(doc).toString());
            case AI_ACT_ANNEX_VIII ->
                    new RecordExport(format.mediaType(), RecordExports.annexViii(doc).toString());
            case MODEL_CARD -> new RecordExport(format.mediaType(), modelCard(actor, doc));
            case HTML ->
                    throw new IllegalArgumentException("HTML is rendered by the portal's pages.");
        };
    }

    /** The public records of every ACTIVE deployment, by tenant and name. */
    public List<PublicRecord> published() {
        return store.published().stream().map(DeploymentRecords::publicRecord).toList();
    }

    /** The public record of one ACTIVE deployment, or empty (not active, no signed record). */
    public Optional<PublicRecord> published(TenantId tenant, String name) {
        return store.published(tenant, name).map(DeploymentRecords::publicRecord);
    }

    private static PublicRecord publicRecord(RecordStore.Published p) {
        Deployment d = p.deployment();
        // no user names on the public page: who signed off stays internal
        RecordSubject subject = subject(d, null, null, p.revision(), null, p.signedOffAt());
        return new PublicRecord(
                d.tenant(),
                d.name(),
                new RecordDocument(subject, p.record(), p.questionnaire()),
                d.activatedAt(),
                p.signedOffAt());
    }

    private RecordDocument document(Actor actor, RecordStore.Snapshot s) {
        Deployment d = s.deployment();
        Model model = model(actor, d);
        DeploymentRecord record = s.record();
        if (d.recordRevision() == 0) {
            // never written: show what the hub would take over from the model card
            record = prefill(actor, d).apply(record);
        }
        RecordSubject subject =
                subject(
                        d,
                        model == null || model.displayName() == null
                                ? null
                                : model.displayName().de(),
                        model == null ? null : model.license(),
                        d.recordRevision(),
                        d.signOff() == null ? null : d.signOff().by(),
                        d.signOff() == null ? null : d.signOff().at());
        return new RecordDocument(subject, record, s.questionnaire());
    }

    private static RecordSubject subject(
            Deployment d,
            String modelTitle,
            String license,
            int revision,
            String signedOffBy,
            Instant signedOffAt) {
        return new RecordSubject(
                d.id(),
                d.tenant(),
                d.name(),
                d.model(),
                modelTitle,
                d.version(),
                d.task(),
                license,
                registerStatus(d.status()),
                d.activatedAt(),
                d.retiredAt(),
                revision,
                signedOffBy,
                signedOffAt);
    }

    static RegisterStatus registerStatus(DeploymentStatus status) {
        return switch (status) {
            case PENDING_DOCUMENTATION, READY -> RegisterStatus.IN_DEVELOPMENT;
            case ACTIVE, PAUSED -> RegisterStatus.IN_USE;
            case RETIRED -> RegisterStatus.OUT_OF_USE;
        };
    }

    private Prefill prefill(Actor actor, Deployment d) {
        ModelRef ref = ModelRef.parse(d.model());
        ModelCard card = card(actor, ref, d.version());
        return new Prefill(
                CardPrefill.from(card),
                tenantName(ref.owner()),
                tenantName(TenantId.of(d.tenant())));
    }

    /**
     * The deployed version's card in the Hugging Face format (as the card export writes it) and how
     * the tenant uses it. A model hidden from the tenant since keeps only the deployment section.
     */
    private String modelCard(Actor actor, RecordDocument doc) {
        String card;
        try {
            card =
                    cardExport.huggingFace(
                            actor, ModelRef.parse(doc.subject().model()), doc.subject().version());
        } catch (NotFoundException e) {
            card =
                    "---\ntags:\n- \"kihub\"\n---\n\n# "
                            + doc.subject().model()
                            + " "
                            + doc.subject().version()
                            + "\n";
        }
        return card.stripTrailing() + "\n\n" + DeploymentCardSection.markdown(doc);
    }

    /** The card as the actor may see it; a model hidden from the tenant since has none. */
    private ModelCard card(Actor actor, ModelRef ref, String version) {
        try {
            return cards.get(actor, ref, version);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private Model model(Actor actor, Deployment d) {
        try {
            return models.get(actor, ModelRef.parse(d.model()));
        } catch (NotFoundException e) {
            return null;
        }
    }

    private String tenantName(TenantId id) {
        return tenants.find(id).map(Tenant::displayName).orElse(null);
    }

    private QuestionnaireView questionnaireView(
            Deployment d, AiActQuestionnaire q, boolean stopped) {
        Map<String, Boolean> answers = null;
        if (q != null) {
            answers = new LinkedHashMap<>();
            for (var e : q.answers().entrySet()) {
                answers.put(e.getKey().key(), e.getValue());
            }
        }
        return new QuestionnaireView(
                QuestionnaireView.allQuestions(),
                answers,
                q == null ? null : q.assessment(),
                d.recordRevision(),
                d.status(),
                stopped);
    }

    private static JsonObject revisionJson(RecordRevisionEntity r) {
        return Json.createObjectBuilder()
                .add("revision", r.revision)
                .add("change", r.change.name())
                .add("author", r.author)
                .add("at", r.createdAt.toString())
                .add(
                        "riskClass",
                        r.riskClass == null ? JsonValue.NULL : Json.createValue(r.riskClass.name()))
                .build();
    }
}
