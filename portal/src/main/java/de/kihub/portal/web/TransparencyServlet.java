package de.kihub.portal.web;

import de.kihub.registry.error.InvalidRequestException;
import de.kihub.registry.tenant.TenantId;
import de.kihub.services.deployment.DeploymentRecords;
import de.kihub.services.deployment.PublicRecord;
import de.kihub.services.deployment.record.AiActRiskClass;
import de.kihub.services.deployment.record.RecordDocument;
import de.kihub.services.deployment.record.RecordField;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public transparency pages, without sign-in: {@code /transparenz} lists the ACTIVE deployments
 * of every tenant, {@code /transparenz/{tenant}/{deployment}} explains one in plain language with a
 * contact for questions. Only the last signed-off record is shown; a deployment that is not ACTIVE
 * answers 404.
 */
@WebServlet({"/transparenz", "/transparenz/*"})
public class TransparencyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String BASE = "/transparenz";
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject transient PageRenderer pages;

    @Inject transient DeploymentRecords records;

    /** One line of the index. */
    public record Entry(
            String href,
            String name,
            String organisation,
            String description,
            AiActRiskClass riskClass) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Locale locale = Language.resolve(request, response);
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            index(locale, request, response);
            return;
        }
        String[] parts = path.substring(1).split("/", -1);
        Optional<PublicRecord> record =
                parts.length == 2 ? published(parts[0], parts[1]) : Optional.empty();
        if (record.isEmpty()) {
            Map<String, Object> model = base(locale, BASE);
            model.put("mode", "missing");
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            pages.render("transparency", model, locale, request, response);
            return;
        }
        page(record.get(), locale, request, response);
    }

    private void index(Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (PublicRecord p : records.published()) {
            RecordDocument doc = p.document();
            String description = doc.record().text(RecordField.SHORT_DESCRIPTION);
            entries.add(
                    new Entry(
                            BASE + "/" + p.tenant() + "/" + p.deploymentName(),
                            doc.name(),
                            doc.organisation(),
                            description != null
                                    ? description
                                    : doc.record().text(RecordField.PURPOSE),
                            doc.riskClass()));
        }
        Map<String, Object> model = base(locale, BASE);
        model.put("mode", "index");
        model.put("entries", entries);
        pages.render("transparency", model, locale, request, response);
    }

    private void page(
            PublicRecord p, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        RecordDocument doc = p.document();
        Map<String, Object> model = RecordPage.model(doc, locale, true);
        model.putAll(base(locale, BASE + "/" + p.tenant() + "/" + p.deploymentName()));
        model.put("mode", "page");
        model.put("rows", RecordPage.citizenRows(doc, locale));
        String contact = doc.record().text(RecordField.CONTACT);
        model.put("contact", contact);
        model.put("contactMail", contact != null && MAIL.matcher(contact).matches());
        model.put("description", doc.record().text(RecordField.SHORT_DESCRIPTION));
        model.put("activeSince", RecordPage.day(p.activeSince()));
        model.put("signedOffDay", RecordPage.day(p.signedOffAt()));
        pages.render("transparency", model, locale, request, response);
    }

    private Optional<PublicRecord> published(String tenant, String name) {
        try {
            return records.published(TenantId.of(tenant), name);
        } catch (InvalidRequestException e) {
            return Optional.empty(); // not a tenant id: nothing to show
        }
    }

    private static Map<String, Object> base(Locale locale, String self) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("otherLang", "en".equals(locale.getLanguage()) ? "de" : "en");
        model.put("self", self);
        return model;
    }
}
