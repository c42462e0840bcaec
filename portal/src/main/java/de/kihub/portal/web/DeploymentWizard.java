package de.kihub.portal.web;

import de.kihub.registry.error.ConflictException;
import de.kihub.registry.error.ForbiddenException;
import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.error.NotFoundException;
import de.kihub.registry.model.Model;
import de.kihub.registry.model.ModelRef;
import de.kihub.registry.model.Models;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.VersionStatus;
import de.kihub.registry.version.Versions;
import de.kihub.services.counting.live.CountingConfiguration;
import de.kihub.services.deployment.Deployment;
import de.kihub.services.deployment.DeploymentCreate;
import de.kihub.services.deployment.DeploymentRecords;
import de.kihub.services.deployment.Deployments;
import de.kihub.services.deployment.QuestionnaireView;
import de.kihub.services.deployment.RecordView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The wizard for a new deployment, each step a plain form: 1 choose a model and one of its
 * published versions ({@code /kommune/einsaetze/neu}, {@code ?model=owner/name} preselects), 2 name
 * and configuration ({@code /neu/konfiguration}; posting it creates the deployment as
 * PENDING_DOCUMENTATION, so nothing is kept in the session), 3 the record ({@code
 * /{id}/dokumentieren}, pre-filled from the model card), 4 the EU AI Act questionnaire with the
 * resulting risk class ({@code /{id}/fragebogen}). Steps 2-4 also edit an existing deployment
 * ({@code /{id}/konfiguration}). Field errors answer 400 with the form as sent.
 */
@ApplicationScoped
public class DeploymentWizard {
    static final String PEOPLE_COUNTING = "people-counting";
    static final int MAX_MODELS = 500;

    /** A model to choose in step 1. */
    public record Choice(String model, String label, String task) {}

    /** One question of step 4 with its current (or submitted) answer, null when unanswered. */
    public record Question(String key, String article, String text, Boolean answer) {}

    /** The questions of one part of the Act. */
    public record Group(String key, List<Question> questions) {}

    @Inject Deployments deployments;

    @Inject DeploymentRecords records;

    @Inject Models models;

    @Inject Versions versions;

    // ---- step 1: model and version

    void choose(TenantExchange x) throws IOException {
        requireOperator(x);
        String lang = x.page().locale().getLanguage();
        List<Choice> choices =
                models.list(x.actor(), MAX_MODELS).stream()
                        .map(m -> new Choice(m.model(), label(m, lang), m.task()))
                        .sorted(Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER))
                        .toList();
        x.page().put("step", 1).put("choices", choices);
        String model = x.param("model");
        FormErrors errors = new FormErrors();
        if (!model.isEmpty()) {
            ModelRef ref = ref(model);
            List<String> published = ref == null ? List.of() : published(x, ref);
            if (ref == null || choices.stream().noneMatch(c -> c.model().equals(model))) {
                errors.key("model", "wizard.error.model", model);
            } else if (published.isEmpty()) {
                errors.key("model", "wizard.error.noVersion", model);
            } else {
                x.page().put("model", model).put("versions", published);
            }
        }
        x.page().put("errors", errors.map()).status(errors.isEmpty() ? 200 : 400);
        x.render("deployment-new");
    }

    // ---- step 2: name and configuration

    void configureNew(TenantExchange x) throws IOException {
        requireOperator(x);
        String model = x.param("model");
        String version = x.param("version");
        ModelRef ref = ref(model);
        if (ref == null) {
            x.redirect(TenantDeploymentsServlet.PATH + "/neu");
            return;
        }
        if (version.isEmpty() || !published(x, ref).contains(version)) {
            FormErrors errors = new FormErrors().key("version", "wizard.error.version", version);
            x.page()
                    .put("step", 1)
                    .put("choices", List.of())
                    .put("model", model)
                    .put("versions", published(x, ref))
                    .put("errors", errors.map())
                    .status(400);
            x.render("deployment-new");
            return;
        }
        Model m = models.get(x.actor(), ref);
        Map<String, String> values = ConfigurationForm.of(defaults(m.task()));
        showConfiguration(x, null, model, version, m.task(), "", values, new FormErrors());
    }

    void create(TenantExchange x) throws IOException {
        requireOperator(x);
        String model = x.param("model");
        String version = x.param("version");
        String name = x.param("name");
        ModelRef ref = ref(model);
        if (ref == null) {
            throw new NotFoundException("No model " + model);
        }
        String task = models.get(x.actor(), ref).task();
        Map<String, String> values = ConfigurationForm.of(x.request()::getParameter);
        FormErrors errors = new FormErrors();
        if (name.isEmpty()) {
            errors.key("name", "wizard.error.name", null);
        }
        JsonObject config = configuration(task, values, errors);
        if (errors.isEmpty()) {
            try {
                Deployment d =
                        deployments.create(
                                x.actor(),
                                x.tenant(),
                                new DeploymentCreate(name, model, version, config));
                x.redirect(TenantExchange.page(d.id()) + "/dokumentieren");
                return;
            } catch (InvalidRequestException | ConflictException e) {
                errors.service(e.getMessage(), fields());
            }
        }
        x.page().status(400);
        showConfiguration(x, null, model, version, task, name, values, errors);
    }

    void configuration(TenantExchange x, UUID id) throws IOException {
        deployments.requireOperable(x.actor(), x.tenant(), id);
        Deployment d = deployments.get(x.actor(), x.tenant(), id);
        showConfiguration(
                x,
                d,
                d.model(),
                d.version(),
                d.task(),
                d.name(),
                ConfigurationForm.of(d.configuration()),
                new FormErrors());
    }

    void saveConfiguration(TenantExchange x, UUID id) throws IOException {
        deployments.requireOperable(x.actor(), x.tenant(), id);
        Deployment d = deployments.get(x.actor(), x.tenant(), id);
        Map<String, String> values = ConfigurationForm.of(x.request()::getParameter);
        FormErrors errors = new FormErrors();
        JsonObject config = configuration(d.task(), values, errors);
        if (errors.isEmpty()) {
            try {
                deployments.configure(x.actor(), x.tenant(), id, config);
                x.redirect(TenantExchange.page(id) + "?done=configured");
                return;
            } catch (InvalidRequestException e) {
                errors.service(e.getMessage(), fields());
            }
        }
        x.page().status(400);
        showConfiguration(x, d, d.model(), d.version(), d.task(), d.name(), values, errors);
    }

    private void showConfiguration(
            TenantExchange x,
            Deployment d,
            String model,
            String version,
            String task,
            String name,
            Map<String, String> values,
            FormErrors errors)
            throws IOException {
        x.page()
                .put("step", 2)
                .put("d", d)
                .put("model", model)
                .put("version", version)
                .put("task", task)
                .put("counting", PEOPLE_COUNTING.equals(task))
                .put("name", name)
                .put("values", values)
                .put("errors", errors.map());
        x.render("deployment-configuration");
    }

    private static JsonObject configuration(
            String task, Map<String, String> values, FormErrors errors) {
        if (!PEOPLE_COUNTING.equals(task)) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        return ConfigurationForm.toJson(values, errors);
    }

    static JsonObject defaults(String task) {
        if (!PEOPLE_COUNTING.equals(task)) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        String normalized = CountingConfiguration.parse(JsonObject.EMPTY_JSON_OBJECT).normalized();
        try (var reader = Json.createReader(new StringReader(normalized))) {
            return reader.readObject();
        }
    }

    private static Set<String> fields() {
        Set<String> fields = new HashSet<>(ConfigurationForm.FIELD_SET);
        fields.add("name");
        fields.add("version");
        return fields;
    }

    // ---- step 3: the record

    void record(TenantExchange x, UUID id) throws IOException {
        RecordView view = records.view(x.actor(), x.tenant(), id);
        showRecord(x, view, null, new FormErrors());
    }

    void saveRecord(TenantExchange x, UUID id) throws IOException {
        RecordView view = records.view(x.actor(), x.tenant(), id);
        Map<String, String> values = RecordForm.submitted(x.request()::getParameter);
        FormErrors errors = new FormErrors();
        JsonObject json = RecordForm.toJson(values, view.record(), errors);
        if (errors.isEmpty()) {
            try {
                records.putRecord(x.actor(), x.tenant(), id, json);
                x.redirect(TenantExchange.page(id) + "/fragebogen");
                return;
            } catch (InvalidRequestException e) {
                errors.service(e.getMessage(), RecordForm.KEYS);
            }
        }
        x.page().status(400);
        showRecord(x, view, values, errors);
    }

    private void showRecord(
            TenantExchange x, RecordView view, Map<String, String> submitted, FormErrors errors)
            throws IOException {
        x.page()
                .put("step", 3)
                .put("view", view)
                .put("sections", RecordForm.sections(view.record(), submitted, x.page().locale()))
                .put("errors", errors.map());
        x.render("deployment-record");
    }

    // ---- step 4: the EU AI Act questionnaire

    void questionnaire(TenantExchange x, UUID id) throws IOException {
        QuestionnaireView q = records.questionnaire(x.actor(), x.tenant(), id);
        x.page().put("done", "answered".equals(x.param("done")) ? "answered" : null);
        showQuestionnaire(x, id, q, q.answers(), new FormErrors());
    }

    void saveAnswers(TenantExchange x, UUID id) throws IOException {
        QuestionnaireView q = records.questionnaire(x.actor(), x.tenant(), id);
        Map<String, Boolean> answers = new LinkedHashMap<>();
        FormErrors errors = new FormErrors();
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (QuestionnaireView.Question question : q.questions()) {
            String v = x.param(question.key());
            if (v.equals("yes") || v.equals("no")) {
                answers.put(question.key(), v.equals("yes"));
                json.add(question.key(), v.equals("yes"));
            } else {
                errors.key(question.key(), "questionnaire.error.unanswered", null);
            }
        }
        if (errors.isEmpty()) {
            records.answer(
                    x.actor(),
                    x.tenant(),
                    id,
                    Json.createObjectBuilder().add("answers", json).build());
            x.redirect(TenantExchange.page(id) + "/fragebogen?done=answered#assessment");
            return;
        }
        x.page().status(400);
        showQuestionnaire(x, id, q, answers, errors);
    }

    private void showQuestionnaire(
            TenantExchange x,
            UUID id,
            QuestionnaireView q,
            Map<String, Boolean> answers,
            FormErrors errors)
            throws IOException {
        String lang = x.page().locale().getLanguage();
        Map<String, List<Question>> byGroup = new LinkedHashMap<>();
        for (QuestionnaireView.Question question : q.questions()) {
            byGroup.computeIfAbsent(question.group(), g -> new ArrayList<>())
                    .add(
                            new Question(
                                    question.key(),
                                    question.article(),
                                    "en".equals(lang) ? question.en() : question.de(),
                                    answers == null ? null : answers.get(question.key())));
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((k, v) -> groups.add(new Group(k, v)));
        x.page()
                .put("step", 4)
                .put("id", id)
                .put("groups", groups)
                .put("assessment", q.assessment())
                .put("status", q.status())
                .put("errors", errors.map());
        x.render("deployment-questionnaire");
    }

    // ----

    private List<String> published(TenantExchange x, ModelRef ref) {
        try {
            return versions.list(x.actor(), ref).stream()
                    .filter(v -> v.status() == VersionStatus.PUBLISHED)
                    .map(ModelVersion::version)
                    .toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private static void requireOperator(TenantExchange x) {
        if (!DeploymentPage.operator(x.actor())) {
            throw new ForbiddenException("Only deployers and tenant admins deploy models.");
        }
    }

    private static ModelRef ref(String text) {
        try {
            return text == null || text.isBlank() ? null : ModelRef.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String label(Model m, String lang) {
        if (m.displayName() == null) {
            return m.model();
        }
        String text = "en".equals(lang) ? m.displayName().en() : m.displayName().de();
        if (text == null || text.isBlank()) {
            text = m.displayName().de() != null ? m.displayName().de() : m.model();
        }
        return text;
    }
}
