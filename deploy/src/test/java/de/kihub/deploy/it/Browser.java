package de.kihub.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium for the page tests: Debian's {@code chromium} with
 * Debian's {@code chromedriver} (both named explicitly, so Selenium Manager never runs and nothing
 * is downloaded), sign-in through the real Keycloak form, axe-core accessibility checks with the
 * WCAG 2.1 A/AA rules, full-page screenshots under {@code deploy/target/screenshots/<test class>/},
 * and the browser console for JavaScript errors. Use it through {@link Browsers}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM =
            Path.of(System.getProperty("kihub.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getProperty("kihub.it.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS =
            Path.of(System.getProperty("kihub.it.screenshots", "target/screenshots"));

    /** The axe-core rule tags of WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    static final Duration WAIT = Duration.ofSeconds(30);
    static final int WIDTH = 1280;
    static final int HEIGHT = 1024;

    private final ChromeDriver driver;
    private final URI base;
    private final Path screenshots;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriver driver, URI base, Path screenshots) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
    }

    /** A new browser with an empty profile for the hub at {@code base}. */
    static Browser start(URI base, String screenshotFolder) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                // tests run as root in CI containers, where Chromium's sandbox cannot start
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--lang=de-DE");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base, SCREENSHOTS.resolve(screenshotFolder));
    }

    /** Fails with what to install when the browser or its driver is missing. */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("chromium (looked for " + CHROMIUM + ")");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add("chromedriver (looked for " + CHROMEDRIVER + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "The browser tests need Debian's chromium and chromium-driver packages;"
                            + " missing: "
                            + String.join(", ", missing)
                            + ". Install them with 'apt-get install chromium chromium-driver'"
                            + " (.ci/run does), or name other binaries of one version with"
                            + " -Dit.chromium=... -Dit.chromedriver=...");
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    URI base() {
        return base;
    }

    /** Opens a path of the hub ({@code katalog?q=x}) and waits until the page has loaded. */
    Browser open(String path) {
        return openUrl(base.resolve(path).toString());
    }

    /** Opens an absolute address, e.g. a bookmarked one. */
    Browser openUrl(String url) {
        driver.get(url);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits up to 30 s for an element to be visible. */
    WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks and waits for the next page to load (for links and submit buttons). */
    Browser follow(WebElement element) {
        return navigating(element::click);
    }

    /**
     * Finds the element by {@code css} on the current page and follows it. Right after a navigation
     * Chromium may still swap the document under a found element ("Node ... does not belong to the
     * document"); then the element is looked up again, up to three times.
     */
    Browser follow(String css) {
        for (int attempt = 1; ; attempt++) {
            waitUntilLoaded();
            WebElement before = driver.findElement(By.tagName("html"));
            try {
                return follow(waitFor(css));
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3 || !swapped(e)) {
                    throw e;
                }
                // the click may have gone through before the error: then this is the next page
                waitUntilLoaded();
                if (gone(before) && findAll(css).isEmpty()) {
                    return this;
                }
            }
        }
    }

    /** Whether Chromium replaced the document under an element. */
    private static boolean swapped(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || (e.getMessage() != null
                        && e.getMessage().contains("does not belong to the document"));
    }

    /** Whether the element's document has been replaced (a navigation happened). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (swapped(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Runs an action that leaves the page (a key press, a script) and waits for the next one. */
    Browser navigating(Runnable action) {
        WebElement html = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, WAIT).until(d -> gone(html));
        waitUntilLoaded();
        return this;
    }

    /** Presses a key in the focused element, as a keyboard user would. */
    WebElement press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
        return activeElement();
    }

    /** Presses Tab and answers the element that has the focus then. */
    WebElement tab() {
        return press(Keys.TAB);
    }

    WebElement activeElement() {
        return driver.switchTo().activeElement();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private void waitUntilLoaded() {
        new WebDriverWait(driver, WAIT)
                .until(d -> "complete".equals(script("return document.readyState")));
    }

    /**
     * Signs in through the hub's "Anmelden" link and Keycloak's real login form (which asks for the
     * user name first, then the password); waits until the browser is back on the hub. Demo users
     * have their name as password.
     */
    Browser signIn(String user) {
        follow(find("#login"));
        for (int step = 0; step < 3 && onKeycloak(); step++) {
            List<WebElement> name = findAll("#username");
            if (!name.isEmpty() && name.get(0).isDisplayed() && name.get(0).isEnabled()) {
                name.get(0).clear();
                name.get(0).sendKeys(user);
            }
            List<WebElement> password = findAll("#password");
            if (!password.isEmpty() && password.get(0).isDisplayed()) {
                password.get(0).sendKeys(user);
            }
            follow(find("#kc-login"));
        }
        assertEquals(
                base.getPort(),
                URI.create(url()).getPort(),
                () -> "still not back on the hub after signing in as " + user + ": " + url());
        return this;
    }

    private boolean onKeycloak() {
        return URI.create(url()).getPort() != base.getPort();
    }

    /**
     * Runs axe-core with the WCAG 2.0/2.1 A and AA rules on the current page and fails with a
     * readable list of the violations (rule, impact, help, the elements and what is wrong).
     */
    Browser assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError(
                    "axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(describe(page, url(), violations));
        }
        return this;
    }

    static String describe(String page, String url, List<Rule> violations) {
        StringBuilder text =
                new StringBuilder()
                        .append("axe-core found ")
                        .append(violations.size())
                        .append(" WCAG 2.1 A/AA violation(s) on ")
                        .append(page)
                        .append(" (")
                        .append(url)
                        .append("):");
        for (Rule rule : violations) {
            text.append("\n- ")
                    .append(rule.getId())
                    .append(" (")
                    .append(rule.getImpact())
                    .append("): ")
                    .append(rule.getHelp())
                    .append(" <")
                    .append(rule.getHelpUrl())
                    .append('>');
            for (CheckedNode node : rule.getNodes()) {
                text.append("\n    at ")
                        .append(node.getTarget())
                        .append(": ")
                        .append(node.getHtml())
                        .append("\n      ")
                        .append(String.valueOf(node.getFailureSummary()).replace("\n", "\n      "));
            }
        }
        return text.toString();
    }

    /**
     * A screenshot of the whole page (the window is stretched to the page's height for it) as
     * {@code <screenshots>/<test class>/<name>.png}.
     */
    Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        try {
            long height =
                    ((Number)
                                    script(
                                            "return Math.max(document.documentElement.scrollHeight,"
                                                    + " document.body ? document.body.scrollHeight : 0)"
                                                    + " + window.outerHeight - window.innerHeight"))
                            .longValue();
            driver.manage()
                    .window()
                    .setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height, HEIGHT), 8000)));
            Path file = screenshots.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.createDirectories(file.getParent());
            Files.move(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** A screenshot of the page, then the accessibility check: what every page test does. */
    Browser checkPage(String name) {
        screenshot(name);
        return assertAccessible(name);
    }

    /** The browser console's errors since the start (JavaScript errors, failed loads, CSP). */
    List<String> consoleErrors() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        return console.stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    Browser assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError(
                    "The browser console has errors:\n- " + String.join("\n- ", errors));
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
