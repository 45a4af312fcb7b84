package shop.winback.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/**
 * The agent's workbench in a real headless Chromium, in front of the packaged services on the real broker
 * and database: an agent signs in with their token and works a bad review from their desk.
 */
class WorkbenchIT {

    static final String PHONE = "13812345678";
    static final Duration WAIT = Duration.ofSeconds(30);

    static Stack stack;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        stack = Stack.startAll();
        stack.startWorkbench();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static String review(String shop, String platformReviewId, String order) {
        return Api.review(shop, platformReviewId, order, "BAD")
                .replace("\"city\": \"沈阳\"}", "\"city\": \"沈阳\", \"phone\": \"" + PHONE + "\"}");
    }

    static String url(String path) {
        return stack.workbench.url() + path;
    }

    @Test
    void anAgentWorksABadReviewFromTheirDesk() throws Exception {
        String shop = Api.uniqueShop();
        String otherShop = Api.uniqueShop();
        String agent = Api.hire(stack.ticketUrl(0), shop, "小王", "REVIEW_RECOVERY", 5, "ONLINE");
        Api.hire(stack.ticketUrl(0), otherShop, "小李", "REVIEW_RECOVERY", 5, "ONLINE");
        // another shop's ticket exists all along: it must never show on this agent's desk
        String otherOrder = "O-" + UUID.randomUUID();
        Api.postReview(stack.reviewUrl(), otherShop, review(otherShop, "R-other", otherOrder))
                .then()
                .statusCode(201);

        var driver = browser.size(1366, 768);
        driver.get(url("/signin"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        checkPage("signin");
        driver.findElement(By.id("token")).sendKeys(TestTokens.agent(shop, UUID.fromString(agent), "REVIEW_RECOVERY"));
        driver.findElement(By.cssSelector("form[action='/signin'] button")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().endsWith("/desk"));
        assertThat(driver.findElements(By.cssSelector("tr[data-ticket]"))).isEmpty();
        checkPage("desk-empty");

        // the page is not reloaded from here on: the row must come by itself, over the live stream (ticket-service's
        // desk events, relayed by the workbench), which the page shows as open
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElement(By.id("live")).getText().isBlank());
        driver.findElement(By.tagName("body")).click(); // a gesture, so the page may beep
        String order = "O-" + UUID.randomUUID();
        Instant posted = Instant.now();
        Api.postReview(stack.reviewUrl(), shop, review(shop, "R-desk", order))
                .then()
                .statusCode(201);
        new WebDriverWait(driver, WAIT)
                .pollingEvery(Duration.ofMillis(20))
                .until(d -> !d.findElements(By.xpath("//tr[@data-ticket]//a[text()='" + order + "']"))
                        .isEmpty());
        Instant shown = Instant.now();
        // when ticket-service assigned it, on the real clock (the services' clock is shifted by the test clock's
        // offset)
        Instant assigned = Instant.parse(given().baseUri(stack.ticketUrl(0))
                        .auth()
                        .oauth2(TestTokens.supervisor(shop))
                        .queryParam("orderId", order)
                        .when()
                        .get("/api/v1/tickets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("items[0].assignedAt"))
                .minus(TestClock.offset());
        System.out.println("WorkbenchIT: the new ticket showed on the desk, without a reload, "
                + Duration.between(posted, shown).toMillis() + " ms after the review was posted and "
                + Duration.between(assigned, shown).toMillis() + " ms after ticket-service assigned it");
        assertThat(driver.findElement(By.id("live")).getText())
                .as("the live stream is still open")
                .isNotBlank();
        assertThat(Duration.between(assigned, shown)).isLessThan(Duration.ofSeconds(1));
        assertThat(driver.findElements(By.cssSelector("tr.fresh")))
                .as("the new row is highlighted")
                .hasSize(1);
        String desk = driver.getPageSource();
        assertThat(desk).doesNotContain(PHONE).doesNotContain(otherOrder).doesNotContain(otherShop);
        assertThat(desk).contains("138****5678").contains("129.00 元");
        assertThat(driver.findElement(By.cssSelector("time.clock")).getText()).matches("−?\\d+:\\d\\d:\\d\\d.*");
        checkPage("desk");

        driver.findElement(By.linkText(order)).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("/tickets/"));
        String ticketPage = driver.getPageSource();
        assertThat(ticketPage).contains("R-desk").contains("138****5678").doesNotContain(PHONE);
        checkPage("ticket");

        new Select(driver.findElement(By.id("channel"))).selectByValue("PHONE");
        new Select(driver.findElement(By.id("contact-outcome"))).selectByValue("NO_ANSWER");
        driver.findElement(By.id("note")).sendKeys("未接通，晚上再打");
        driver.findElement(By.cssSelector("form[action$='/contacts'] button")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("saved=true"));
        assertThat(driver.getPageSource()).contains("未接通，晚上再打").contains("无人接听");

        // ticket-service refuses UNRECOVERED without a reason: its problem+json is shown, nothing resolved
        new Select(driver.findElement(By.id("outcome"))).selectByValue("UNRECOVERED");
        driver.findElement(By.cssSelector("form[action$='/resolution'] button")).click();
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).startsWith("操作未完成");
        browser.screenshot("ticket-refused-1366x768");
        assertThat(browser.consoleErrors())
                .as("console errors (a 4xx answer of a form post is the page's own)")
                .allMatch(e -> e.contains("resolution") && e.contains("400"));

        new Select(driver.findElement(By.id("outcome"))).selectByValue("EXPLAINED");
        driver.findElement(By.cssSelector("form[action$='/resolution'] button")).click();
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("saved=true"));
        assertThat(driver.getPageSource()).contains("已结案");

        // English on request, and back to the desk, now empty
        driver.findElement(By.cssSelector("a[href^='/lang?to=en']")).click();
        new WebDriverWait(driver, WAIT)
                .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.getPageSource()).contains("Closed");
        driver.get(url("/desk"));
        assertThat(driver.findElements(By.cssSelector("tr[data-ticket]"))).isEmpty();
        assertThat(driver.getPageSource()).contains("My tickets");
        driver.findElement(By.cssSelector("a[href^='/lang?to=zh-CN']")).click();

        // another shop's ticket by its id: ticket-service says not found, the workbench shows nothing of it
        String otherTicket = given().baseUri(stack.ticketUrl(0))
                .auth()
                .oauth2(TestTokens.supervisor(otherShop))
                .queryParam("orderId", otherOrder)
                .when()
                .get("/api/v1/tickets")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        driver.get(url("/tickets/" + otherTicket));
        assertThat(driver.getPageSource()).doesNotContain(otherOrder).doesNotContain(PHONE);
        browser.consoleErrors(); // the 404 of that page is expected
    }

    /** A page at both sizes: screenshots, no console errors, every control labelled and reachable by Tab. */
    private void checkPage(String name) throws Exception {
        for (int[] size : new int[][] {{390, 844}, {1366, 768}}) {
            browser.size(size[0], size[1]);
            browser.screenshot(name + "-" + size[0] + "x" + size[1]);
            assertThat(browser.consoleErrors()).as("console errors on " + name).isEmpty();
            browser.assertEveryControlIsLabelled(name);
            browser.assertEveryControlIsReachableByKeyboard(name);
        }
    }
}
