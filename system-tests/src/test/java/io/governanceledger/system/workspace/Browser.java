package io.governanceledger.system.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded browser), with
 * the flags this machine's closed network needs and a fresh profile each time. Tests that use it are
 * skipped, and say so, where Chromium is not installed ({@code .ci/run} installs it).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("ledger.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ledger.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A new browser whose preferred language is {@code language} (en, fr, nl), 1280 px wide unless told. */
    public static Browser open(String language) {
        return open(language, 1280, 900);
    }

    public static Browser open(String language, int width, int height) {
        try {
            Path profile = Files.createTempDirectory("ledger-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile,
                    "--lang=" + language,
                    "--window-size=" + width + "," + height);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens the workspace at {@code url} and signs in at the issuer's login page as {@code account}. */
    public Browser signIn(String url, String account) {
        driver.get(url);
        waitFor(By.id("username")).sendKeys(account);
        driver.findElement(By.id("password")).sendKeys(account);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("main"));
        return this;
    }

    public void get(String url) {
        driver.get(url);
        waitFor(By.id("main"));
    }

    public WebElement waitFor(By element) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /** Waits until the element's text holds {@code text}; for what another browser's write changes. */
    public void waitForText(By element, String text) {
        new WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /** The element's text; an element a live page replaces while it is read is read again. */
    public String text(By element) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(browser -> browser.findElement(element).getText());
    }

    public List<WebElement> all(By elements) {
        return driver.findElements(elements);
    }

    /** Sets a field's value by typing it (a date field takes the browser's own order of day, month, year). */
    public void type(By field, String value) {
        WebElement input = waitFor(field);
        input.clear();
        input.sendKeys(value);
    }

    /** Sets a date field to an ISO date, as a person picking it would, whatever the browser's language. */
    public void date(By field, String isoDate) {
        WebElement input = waitFor(field);
        driver.executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    /** Writes a screenshot to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is removed with the machine's temporary files
        }
    }

    /** Skips a browser test, saying why, where Chromium or its driver is not installed. */
    public static final class Installed implements ExecutionCondition {

        private static boolean told;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (available()) {
                return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
            }
            String why = "Browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
            synchronized (Installed.class) {
                if (!told) {
                    System.out.println(why);
                    told = true;
                }
            }
            return ConditionEvaluationResult.disabled(why);
        }
    }
}
