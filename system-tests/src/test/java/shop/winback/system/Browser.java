package shop.winback.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless chromium through its own chromedriver (both from apt: .ci/run installs them), given by
 * path so that Selenium looks nothing up and downloads nothing.
 */
final class Browser implements AutoCloseable {

    static final String CHROMEDRIVER = System.getProperty("winback.chromedriver", "/usr/bin/chromedriver");
    static final String CHROMIUM = System.getProperty("winback.chromium", "/usr/bin/chromium");

    final ChromeDriver driver;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
    }

    WebDriver size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /** A screenshot of what the browser shows, under system-tests/target/screenshots/. */
    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("winback.root", ".."), "system-tests/target/screenshots");
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The console's errors since the last call (the log is drained as it is read). */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** Nothing sticks out past the page's right edge (wide tables scroll in their own box). */
    void assertNoSidewaysScrolling(String page) {
        Long overflow = (Long) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow)
                .as("px the page is wider than the window on " + page)
                .isLessThanOrEqualTo(0L);
    }

    /** Every form control is labelled: a label for its id, or an aria-label; every button says what it does. */
    void assertEveryControlIsLabelled(String page) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                var out = [];
                document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (el) {
                  var byFor = el.id && document.querySelector('label[for="' + el.id + '"]');
                  if (!byFor && !el.closest('label') && !el.getAttribute('aria-label')) { out.push(el.outerHTML); }
                });
                document.querySelectorAll('button, a[href]').forEach(function (el) {
                  if (!(el.textContent || '').trim() && !el.getAttribute('aria-label')) { out.push(el.outerHTML); }
                });
                return out;""");
        assertThat(unlabelled).as("controls without a label on " + page).isEmpty();
    }

    /** Tab from the top reaches every control of the page (none is out of the keyboard's reach). */
    void assertEveryControlIsReachableByKeyboard(String page) {
        JavascriptExecutor js = driver;
        @SuppressWarnings("unchecked")
        List<WebElement> controls = (List<WebElement>) js.executeScript("""
                return Array.from(document.querySelectorAll(
                  'a[href], button, input:not([type=hidden]), select, textarea')).filter(function (el) {
                    return !el.disabled && el.getClientRects().length > 0; });""");
        js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<WebElement> reached = new ArrayList<>();
        WebElement body = driver.findElement(org.openqa.selenium.By.tagName("body"));
        body.sendKeys(Keys.TAB);
        // a date field takes a Tab per part (month, day, year) and one for its picker: room for such stops
        for (int i = 0; i < 4 * controls.size() + 5 && !reached.containsAll(controls); i++) {
            WebElement active = driver.switchTo().activeElement();
            if (!reached.contains(active)) {
                reached.add(active);
            }
            active.sendKeys(Keys.TAB);
        }
        assertThat(reached).as("controls reached by Tab on " + page).containsAll(controls);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
