package de.kihub.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kihub.services.deployment.record.AiActQuestion;
import de.kihub.services.deployment.record.AiActQuestionnaire;
import de.kihub.services.deployment.record.DeploymentRecord;
import de.kihub.services.deployment.record.RecordDocument;
import de.kihub.services.deployment.record.RecordField;
import de.kihub.services.deployment.record.RecordLink;
import de.kihub.services.deployment.record.RecordSubject;
import de.kihub.services.deployment.record.RegisterStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the record export and the transparency page from the real templates (outside a
 * container): every label resolves in both languages and nothing a tenant typed becomes markup.
 */
class RecordPagesTest {
    static final Path TEMPLATES = Path.of("src/main/webapp/WEB-INF/templates");
    static final String SCRIPT = "<script>alert('x')</script>";

    static TemplateEngine engine() {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(TEMPLATES.toAbsolutePath() + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        // outside a servlet container there is no context path to prepend
        engine.setLinkBuilder(
                new StandardLinkBuilder() {
                    @Override
                    protected String computeContextPath(
                            IExpressionContext context,
                            String base,
                            Map<String, Object> parameters) {
                        return "";
                    }
                });
        return engine;
    }

    static RecordDocument document() {
        DeploymentRecord r = DeploymentRecord.EMPTY;
        for (RecordField f : RecordField.values()) {
            Object value =
                    switch (f.kind()) {
                        case TEXT -> f.key() + ": " + SCRIPT;
                        case URL -> "https://example.org/" + f.key() + "?a=1&b=\"2\"";
                        case DATE -> "2026-05";
                        case FLAG -> Boolean.TRUE;
                        case LINKS -> List.of(new RecordLink(SCRIPT, "https://example.org/x"));
                    };
            r = r.with(f, value);
        }
        r = r.with(RecordField.CONTACT, "datenschutz@example.org");
        Map<AiActQuestion, Boolean> answers = new EnumMap<>(AiActQuestion.class);
        for (AiActQuestion q : AiActQuestion.values()) {
            answers.put(q, q == AiActQuestion.INTERACTS_WITH_PEOPLE);
        }
        RecordSubject subject =
                new RecordSubject(
                        UUID.randomUUID(),
                        "gelsenkirchen",
                        "arena-nord",
                        "kihub/people-counter",
                        "Personenzähler",
                        "1.0.0",
                        "people-counting",
                        "MIT",
                        RegisterStatus.IN_USE,
                        Instant.parse("2026-05-02T08:00:00Z"),
                        null,
                        2,
                        "dieter.dpo",
                        Instant.parse("2026-05-01T10:00:00Z"));
        return new RecordDocument(subject, r, AiActQuestionnaire.of(answers));
    }

    static void assertClean(String html) {
        assertFalse(html.contains("??"), "a message is missing: " + html);
        assertFalse(html.contains("<script"), "markup from a record reached the page");
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(html.contains("b=\"2\""), "an attribute value was not escaped");
    }

    @Test
    void theRecordExportShowsEveryFieldEscapedInBothLanguages() {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            String html =
                    engine().process(
                                    "record",
                                    new Context(
                                            locale, RecordPage.model(document(), locale, false)));
            assertClean(html);
            for (RecordField f : RecordField.values()) {
                assertTrue(html.contains("id=\"field-" + f.key() + "\""), f.key());
                String label = f.label(locale.getLanguage()).replace("'", "&#39;");
                assertTrue(html.contains(label), f.key());
            }
            assertTrue(html.contains("Art. 50(1)"), html);
            assertTrue(html.contains("dieter.dpo"), "the export names who signed off");
        }
    }

    @Test
    void theTransparencyPageShowsOnlyPublishedFieldsInPlainLanguage() {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            Map<String, Object> model = RecordPage.model(document(), locale, true);
            model.put("mode", "page");
            model.put("self", "/transparenz/gelsenkirchen/arena-nord");
            model.put("rows", RecordPage.citizenRows(document(), locale));
            model.put("contact", "datenschutz@example.org");
            model.put("contactMail", true);
            model.put("description", "Kurz");
            String html = engine().process("transparency", new Context(locale, model));
            assertClean(html);
            assertTrue(html.contains("href=\"mailto:datenschutz@example.org\""), html);
            assertTrue(
                    html.indexOf("id=\"field-purpose\"") < html.indexOf("id=\"field-theme\""),
                    "what it is for comes first");
            for (RecordField f : RecordField.values()) {
                boolean shown = html.contains("id=\"field-" + f.key() + "\"");
                boolean inHead =
                        List.of("name", "organisation", "shortDescription", "contact")
                                .contains(f.key());
                assertEquals(f.published() && !inHead, shown, f.key());
            }
            assertFalse(html.contains("dieter.dpo"), "no user names on the public page");
        }
    }

    @Test
    void everyPublishedFieldHasAPlainQuestionInBothLanguages() throws IOException {
        for (String lang : List.of("de", "en")) {
            Properties messages = new Properties();
            try (InputStream in =
                    Files.newInputStream(
                            TEMPLATES.resolve("transparency_" + lang + ".properties"))) {
                messages.load(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (RecordField f : RecordField.values()) {
                if (f.published()) {
                    boolean head =
                            List.of("name", "organisation", "shortDescription", "contact")
                                    .contains(f.key());
                    assertTrue(head || messages.containsKey("q." + f.key()), lang + " " + f.key());
                }
            }
        }
    }
}
