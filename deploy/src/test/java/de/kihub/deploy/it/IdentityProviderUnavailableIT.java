package de.kihub.deploy.it;

import static de.kihub.deploy.it.Hub.assertProblem;
import static de.kihub.deploy.it.Hub.get;
import static de.kihub.deploy.it.Hub.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With Keycloak unreachable, a request with a token gets 503 problem+json (retry later), never a
 * 500 with a stack trace. The portal is deployed pointing at an address where nothing listens.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(IdentityProviderUnavailableIT.UnreachableProvider.class)
class IdentityProviderUnavailableIT {

    @Deployment(testable = false)
    static WebArchive portal() {
        return Hub.portalWar();
    }

    @ArquillianResource URL url;

    @Test
    void requestWithTokenGets503ProblemWhenKeycloakIsUnreachable() throws Exception {
        HttpResponse<String> r = get(url.toURI(), "api/v1/me", token("mia.member"));
        JsonObject problem = assertProblem(r, 503);
        assertTrue(problem.getString("detail").contains("Keycloak"), problem.toString());
        assertEquals("30", r.headers().firstValue("Retry-After").orElse(""));
        assertFalse(r.body().contains("at org."), "no stack trace in the response");
    }

    @Test
    void anonymousPagesStillWork() throws Exception {
        assertEquals(200, get(url.toURI(), "", null).statusCode());
        assertProblem(get(url.toURI(), "api/v1/me", null), 401);
    }

    /** Points the portal's OIDC configuration at a closed port, and restores it afterwards. */
    public static class UnreachableProvider implements ServerSetupTask {
        static final ModelNode SECURE_DEPLOYMENT =
                Operations.createAddress(
                        "subsystem", "elytron-oidc-client", "secure-deployment", "portal.war");
        private String original;

        @Override
        public void setup(ManagementClient client, String containerId) throws Exception {
            ModelNode read =
                    Operations.createReadAttributeOperation(SECURE_DEPLOYMENT, "provider-url");
            original = Operations.readResult(execute(client, read)).asString();
            write(client, "http://127.0.0.1:9/realms/kihub");
        }

        @Override
        public void tearDown(ManagementClient client, String containerId) throws Exception {
            write(client, original);
        }

        private static void write(ManagementClient client, String value) throws Exception {
            execute(
                    client,
                    Operations.createWriteAttributeOperation(
                            SECURE_DEPLOYMENT, "provider-url", value));
        }

        private static ModelNode execute(ManagementClient client, ModelNode op) throws Exception {
            ModelNode result = client.getControllerClient().execute(op);
            if (!Operations.isSuccessfulOutcome(result)) {
                throw new IllegalStateException(
                        Operations.getFailureDescription(result).asString());
            }
            return result;
        }
    }
}
