package de.kihub.deploy.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension that gives each test its own {@link Browser} (started on first use, so tests that
 * need none start none), keeps a screenshot of the page a failed test ended on ({@code
 * FAILED-<test>.png}) and always quits the browser. Register it as a field:
 *
 * <pre>{@code @RegisterExtension final Browsers browsers = new Browsers();}</pre>
 *
 * The browser opens the hub at {@link Hub#TEST_SERVER}.
 */
final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {
    private Browser browser;
    private String folder = "browser";

    /** This test's browser; a second call answers the same one. */
    Browser start() {
        if (browser == null) {
            browser = Browser.start(Hub.TEST_SERVER, folder);
        }
        return browser;
    }

    /** A further, independent browser (another visitor, or a bookmark opened elsewhere). */
    Browser startAnother() {
        return Browser.start(Hub.TEST_SERVER, folder);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (browser != null && context.getExecutionException().isPresent()) {
            browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            try {
                browser.close();
            } finally {
                browser = null;
            }
        }
    }

    /** Screenshots go to a folder named after the test class. */
    Browsers folder(Class<?> testClass) {
        this.folder = testClass.getSimpleName();
        return this;
    }
}
