package org.planwatch.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard and the embeds in a real headless Chromium (Debian's chromium and chromium-driver,
 * which .ci/run installs), with the shipped data, read only.
 */
@QuarkusTest
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<Integer> AXIS_3_NOT_IMPLEMENTED = List.of(24, 27, 29);
    /** How long a page may take to show what a test waits for: a bound that only stops a hang (a busy machine is slow). */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private static ChromeDriver browser;
    private static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is absent (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("planwatch-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,2000",
                "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshSession() {
        browser.get(url("/q/health/live"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void theDashboardShowsTheLatestPlanWithTheRealFigures() throws IOException {
        browser.get(url("/"));
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("2019-2021"));
        assertEquals("3", count("IMPLEMENTED"));
        assertEquals("28", count("PARTIALLY_IMPLEMENTED"));
        assertEquals("14", count("NOT_IMPLEMENTED"));
        assertEquals(6, browser.findElements(By.cssSelector(".axes > li")).size());
        assertEquals(45, visibleMeasures().size());
        assertTrue(
                browser.findElement(By.cssSelector("a[href='/q/swagger-ui']")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("a[href='/api/v1/plans/2019-2021']"))
                .isDisplayed());
        screenshot("dashboard");
    }

    @Test
    void filteringByAxisAndStatusShowsExactlyTheApisMeasures() {
        List<Integer> api = given().queryParam("axis", 3)
                .queryParam("status", "NOT_IMPLEMENTED")
                .get("/api/v1/plans/2019-2021/measures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.number", Integer.class);
        assertEquals(AXIS_3_NOT_IMPLEMENTED, api);

        // instantly, with the script
        browser.get(url("/plans/2019-2021"));
        new Select(browser.findElement(By.id("f-axis"))).selectByValue("3");
        new Select(browser.findElement(By.id("f-status"))).selectByValue("NOT_IMPLEMENTED");
        assertEquals(api, visibleMeasures());
        assertTrue(
                browser.findElement(By.id("shown")).getText().startsWith("3 mesure(s)"),
                browser.findElement(By.id("shown")).getText());
        assertTrue(browser.findElement(By.id("csv-link"))
                .getAttribute("href")
                .endsWith("measures.csv?axis=3&status=NOT_IMPLEMENTED"));

        // and without it: the same filters as a plain GET form
        browser.get(url("/plans/2019-2021?axis=3&status=NOT_IMPLEMENTED"));
        assertEquals(api, visibleMeasures());
    }

    @Test
    void theSearchIgnoresAccentsLikeTheApi() {
        List<Integer> api = given().queryParam("q", "mecanisme reference")
                .get("/api/v1/plans/2019-2021/measures")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.number", Integer.class);
        browser.get(url("/plans/2019-2021"));
        browser.findElement(By.id("f-q")).sendKeys("mecanisme reference");
        assertEquals(api, visibleMeasures());
        assertEquals(List.of(16), api);
    }

    @Test
    void aMeasurePageShowsItsHistory() throws IOException {
        browser.get(url("/plans/2019-2021"));
        browser.findElement(By.cssSelector("tr[data-number='16'] a")).click();
        new WebDriverWait(browser, PAGE_WAIT).until(ExpectedConditions.urlContains("/measures/16"));
        assertTrue(browser.findElement(By.tagName("h1"))
                .getText()
                .contains("Mettre en place un mécanisme national de référence"));
        assertTrue(browser.findElement(By.id("current-status")).getText().contains("Non réalisée"));
        List<WebElement> timeline = browser.findElements(By.cssSelector("#timeline > li"));
        assertEquals(1, timeline.size());
        assertTrue(timeline.get(0).getText().contains("CNCDH"), timeline.get(0).getText());
        assertTrue(
                timeline.get(0).getText().contains("12 janvier 2023"),
                timeline.get(0).getText());
        screenshot("measure");
    }

    @Test
    void theLanguageSwitchIsRememberedFromPageToPage() {
        browser.get(url("/"));
        assertEquals(
                "Avancement global",
                browser.findElement(By.id("progress-title")).getText().replaceAll(" \\(.*", ""));
        browser.findElement(By.id("lang-switch")).click();
        new WebDriverWait(browser, PAGE_WAIT)
                .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertEquals(
                "Overall progress",
                browser.findElement(By.id("progress-title")).getText().replaceAll(" \\(.*", ""));
        assertTrue(count("NOT_IMPLEMENTED").equals("14"));
        browser.get(url("/plans/2019-2021/measures/16"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.id("current-status")).getText().contains("Not implemented"));
        // the data stays French
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("mécanisme national de référence"));
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolation() throws IOException {
        assertTrue(Files.exists(AXE), "axe-core is missing: run npm ci --prefix src/test/browser (.ci/run does)");
        String axe = Files.readString(AXE);
        for (String page : List.of(
                "/",
                "/plans/2019-2021?axis=3",
                "/plans/2019-2021/measures/16",
                "/embed/measures?plan=2019-2021&axis=3&status=NOT_IMPLEMENTED",
                "/embed/progress?plan=2019-2021&theme=dark",
                "/embed/measure?plan=2019-2021&number=16&lang=en",
                "/embed")) {
            browser.get(url(page));
            ((JavascriptExecutor) browser).executeScript(axe);
            Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))));
                    """);
            assertEquals(List.of(), result, "axe-core on " + page);
        }
    }

    @Test
    void anotherSiteEmbedsTheSnippetsFromTheEmbedPage() throws IOException {
        browser.get(url("/embed?view=measures&axis=3&status=NOT_IMPLEMENTED&lang=fr"));
        String iframe = browser.findElement(By.id("code-iframe")).getAttribute("value");
        String script = browser.findElement(By.id("code-script")).getAttribute("value");
        // the page's own live previews show the same list
        new WebDriverWait(browser, PAGE_WAIT)
                .until(d -> d.findElement(By.cssSelector("#preview-script [data-planwatch]"))
                                .getAttribute("data-planwatch-ready")
                        != null);
        assertEquals(
                AXIS_3_NOT_IMPLEMENTED,
                numbers(browser.findElements(By.cssSelector("#preview-script li[data-number]"))));

        HttpServer association = serve("<h1>Ce qui reste à faire</h1>\n" + iframe + "\n" + script);
        try {
            browser.get("http://127.0.0.1:" + association.getAddress().getPort() + "/");
            WebElement box = browser.findElement(By.cssSelector("[data-planwatch]"));
            new WebDriverWait(browser, PAGE_WAIT).until(d -> box.getAttribute("data-planwatch-ready") != null);
            assertEquals(
                    AXIS_3_NOT_IMPLEMENTED,
                    numbers(box.findElements(By.cssSelector("li[data-number]"))),
                    "the script view");
            assertTrue(box.getText().contains("Non réalisée"), box.getText());
            screenshot("embed");

            browser.switchTo().frame(browser.findElement(By.tagName("iframe")));
            assertEquals(
                    AXIS_3_NOT_IMPLEMENTED,
                    numbers(browser.findElements(By.cssSelector("li[data-number]"))),
                    "the iframe view");
            screenshot("embed-iframe");
            browser.switchTo().defaultContent();
        } finally {
            association.stop(0);
        }
    }

    @Test
    void dashboardPagesRefuseToBeFramedByAnotherSite() throws IOException {
        HttpServer other = serve("<iframe src=\"" + url("/") + "\" title=\"x\"></iframe>");
        try {
            browser.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
            browser.switchTo().frame(browser.findElement(By.tagName("iframe")));
            assertTrue(
                    browser.findElements(By.id("progress-title")).isEmpty(),
                    "the dashboard rendered inside another site's frame");
            browser.switchTo().defaultContent();
        } finally {
            other.stop(0);
        }
    }

    /** Serves one page from another origin (another host name and port), as an association's site would. */
    private static HttpServer serve(String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page =
                ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Association</title></head><body>"
                                + body + "\n</body></html>")
                        .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static String count(String status) {
        return browser.findElement(By.cssSelector("#overall-counts li[data-status='" + status + "'] .count"))
                .getText();
    }

    private static List<Integer> visibleMeasures() {
        return numbers(browser.findElements(By.cssSelector("#measures tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .toList());
    }

    private static List<Integer> numbers(List<WebElement> elements) {
        return elements.stream()
                .map(e -> Integer.valueOf(e.getAttribute("data-number")))
                .toList();
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
