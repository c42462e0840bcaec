package de.kihub.portal.api.metrics;

import de.kihub.portal.security.TenantContext;
import de.kihub.services.metrics.MetricsSource;
import de.kihub.services.metrics.PrometheusText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/metrics")
@RequestScoped
@SecurityRequirement(name = "bearer")
public class MetricsResource {
    private static final Logger LOG = Logger.getLogger(MetricsResource.class.getName());

    @Inject TenantContext context;

    @Inject Instance<MetricsSource> sources;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary =
                    "Server, JVM and per-deployment usage metrics in the Prometheus text format"
                            + " 0.0.4 (curators, or a scraper with 'Authorization: Metrics <key>')")
    public Response metrics(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        MetricsAccess.fromConfig().require(authorization, context::caller);
        PrometheusText out = new PrometheusText();
        for (MetricsSource source : sources) {
            try {
                source.writePrometheus(out);
            } catch (RuntimeException e) {
                // one broken source should not take the JVM's and the other sources' numbers along
                LOG.log(
                        Level.WARNING,
                        "Metrics source " + source.getClass().getName() + " failed",
                        e);
            }
        }
        return Response.ok(out.text(), PrometheusText.CONTENT_TYPE).build();
    }
}
