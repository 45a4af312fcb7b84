package shop.winback.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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

    /**
     * The agent asks for two compensations from the ticket page, one within their authority (granted at once) and
     * one above it, which the supervisor approves on their page, where it came by itself; the agent's page then
     * shows it approved. Then the supervisor moves the ticket to another agent: it leaves one desk and reaches the
     * other, both open, without a reload. Three browsers, one per user (each keeps its own sign-in cookie).
     */
    @Test
    void aSupervisorApprovesWhatIsAboveAnAgentsAuthorityAndMovesATicket() throws Exception {
        String shop = Api.uniqueShop();
        String agentA = Api.hire(stack.ticketUrl(0), shop, "小张", "REVIEW_RECOVERY", 5, "ONLINE");
        // offline while the review comes, so the ticket goes to 小张
        String agentB = Api.hire(stack.ticketUrl(0), shop, "小赵", "REVIEW_RECOVERY", 5, "OFFLINE");
        String order = "O-" + UUID.randomUUID();
        // 30 distinct items: the quote's ceiling grows with them, so it offers a partial refund above an agent's 20 元
        Api.postReview(
                        stack.reviewUrl(),
                        shop,
                        review(shop, "R-comp", order).replace("\"distinctItems\": 2", "\"distinctItems\": 30"))
                .then()
                .statusCode(201);
        String tokenA = TestTokens.agent(shop, UUID.fromString(agentA), "REVIEW_RECOVERY");
        String ticket = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> given().baseUri(stack.ticketUrl(0))
                                .auth()
                                .oauth2(TestTokens.supervisor(shop))
                                .queryParam("orderId", order)
                                .queryParam("status", "ASSIGNED")
                                .when()
                                .get("/api/v1/tickets")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        // compensation-service decides from the order's own facts: wait until its review has reached it
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> given().baseUri(stack.compensationUrl())
                                .auth()
                                .oauth2(tokenA)
                                .contentType(ContentType.JSON)
                                .body("{\"orderId\": \"%s\"}".formatted(order))
                                .when()
                                .post("/api/v1/quotes")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 200 && "reviews.v1".equals(r.path("orderFacts.source")));

        var agent = browser.size(1366, 768);
        signIn(browser, tokenA, "/desk");
        // not the agent's page
        agent.get(url("/supervision"));
        assertThat(agent.getPageSource()).contains("无权访问");
        browser.consoleErrors(); // the page's own 403
        assertThat(agent.findElements(By.cssSelector("a[href='/supervision']"))).isEmpty();

        agent.get(url("/tickets/" + ticket));
        assertThat(agent.findElement(By.cssSelector("tr[data-option='COUPON']")).getAttribute("data-within"))
                .isEqualTo("true");
        assertThat(agent.findElement(By.cssSelector("tr[data-option='PARTIAL_REFUND']"))
                        .getAttribute("data-within"))
                .isEqualTo("false");
        assertThat(agent.getPageSource()).contains("不以修改或删除评价为条件");
        checkPage(browser, "ticket-compensation");
        agent.findElement(By.cssSelector("tr[data-option='COUPON'] button")).click();
        new WebDriverWait(agent, WAIT).until(d -> d.getCurrentUrl().contains("requested="));
        assertThat(agent.findElement(By.id("comp-result")).getAttribute("data-status"))
                .isEqualTo("APPROVED");
        assertThat(agent.findElements(By.cssSelector("#compensations li[data-status='APPROVED']")))
                .hasSize(1);

        try (Browser supervisorBrowser = new Browser();
                Browser agentBBrowser = new Browser()) {
            var supervisor = supervisorBrowser.size(1366, 768);
            signIn(supervisorBrowser, TestTokens.supervisor(shop), "/supervision");
            new WebDriverWait(supervisor, WAIT)
                    .until(d -> !d.findElement(By.id("live")).getText().isBlank());
            assertThat(supervisor.findElements(By.cssSelector("li[data-order='" + order + "']")))
                    .isEmpty();

            // above the agent's authority: it waits, and comes to the supervisor's open page by itself
            agent.findElement(By.cssSelector("tr[data-option='PARTIAL_REFUND'] button"))
                    .click();
            new WebDriverWait(agent, WAIT).until(d -> d.getCurrentUrl().contains("requested=PENDING"));
            assertThat(agent.findElement(By.id("comp-result")).getAttribute("data-status"))
                    .isEqualTo("PENDING");
            assertThat(agent.findElements(By.cssSelector("#compensations li[data-status='PENDING']")))
                    .hasSize(1);
            new WebDriverWait(supervisor, WAIT)
                    .until(d -> !d.findElements(By.cssSelector("li[data-order='" + order + "']"))
                            .isEmpty());
            checkPage(supervisorBrowser, "supervision");
            supervisor.findElement(By.tagName("h1")).click(); // off the controls: sections refresh again
            WebElement approval = supervisor.findElement(By.cssSelector("li[data-order='" + order + "']"));
            approval.findElement(By.name("comment")).sendKeys("多件商品，部分退款合理");
            approval.findElement(By.cssSelector("form.decide button:not(.secondary)"))
                    .click();
            new WebDriverWait(supervisor, WAIT).until(d -> d.getCurrentUrl().contains("done=approved"));
            assertThat(supervisor.findElements(By.cssSelector("li[data-order='" + order + "']")))
                    .isEmpty();

            // the agent's page, not reloaded, shows it approved
            new WebDriverWait(agent, WAIT)
                    .until(d -> d.findElements(By.cssSelector("#compensations li[data-status='PENDING']"))
                                    .isEmpty()
                            && d.findElements(By.cssSelector("#compensations li[data-status='APPROVED']"))
                                            .size()
                                    == 2);
            assertThat(agent.getCurrentUrl()).contains("requested=PENDING");

            // a move, live on both desks
            Api.setStatus(stack.ticketUrl(0), shop, agentB, "ONLINE");
            agent.get(url("/desk"));
            new WebDriverWait(agent, WAIT)
                    .until(d -> !d.findElement(By.id("live")).getText().isBlank());
            assertThat(agent.findElements(By.cssSelector("tr[data-ticket='" + ticket + "']")))
                    .hasSize(1);
            var agentBDesk = agentBBrowser.size(1366, 768);
            signIn(agentBBrowser, TestTokens.agent(shop, UUID.fromString(agentB), "REVIEW_RECOVERY"), "/desk");
            new WebDriverWait(agentBDesk, WAIT)
                    .until(d -> !d.findElement(By.id("live")).getText().isBlank());
            assertThat(agentBDesk.findElements(By.cssSelector("tr[data-ticket]")))
                    .isEmpty();

            new Select(supervisor.findElement(By.id("agent-" + ticket))).selectByValue(agentB);
            supervisor
                    .findElement(
                            By.cssSelector("form[action='/supervision/tickets/" + ticket + "/reassignment'] button"))
                    .click();
            new WebDriverWait(supervisor, WAIT).until(d -> d.getCurrentUrl().contains("done=reassigned"));
            new WebDriverWait(agent, WAIT)
                    .until(d -> d.findElements(By.cssSelector("tr[data-ticket='" + ticket + "']"))
                            .isEmpty());
            new WebDriverWait(agentBDesk, WAIT)
                    .until(d -> !d.findElements(By.cssSelector("tr[data-ticket='" + ticket + "']"))
                            .isEmpty());
            assertThat(supervisor
                            .findElement(By.cssSelector("tr[data-ticket='" + ticket + "'][data-agent]"))
                            .getAttribute("data-agent"))
                    .isEqualTo(agentB);
            assertThat(supervisorBrowser.consoleErrors())
                    .as("console errors on the supervisor's page")
                    .isEmpty();
            assertThat(agentBBrowser.consoleErrors()).isEmpty();
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Signs the browser's user in with their token; they land on {@code start}. */
    private static void signIn(Browser b, String token, String start) {
        b.driver.get(url("/signin"));
        b.driver.findElement(By.id("token")).sendKeys(token);
        b.driver.findElement(By.cssSelector("form[action='/signin'] button")).click();
        new WebDriverWait(b.driver, WAIT).until(d -> d.getCurrentUrl().endsWith(start));
    }

    /**
     * A page at both sizes: screenshots, no console errors, no sideways scrolling of the page, every control
     * labelled and reachable by Tab.
     */
    private void checkPage(String name) throws Exception {
        checkPage(browser, name);
    }

    private static void checkPage(Browser b, String name) throws Exception {
        for (int[] size : new int[][] {{390, 844}, {1366, 768}}) {
            b.size(size[0], size[1]);
            b.screenshot(name + "-" + size[0] + "x" + size[1]);
            assertThat(b.consoleErrors()).as("console errors on " + name).isEmpty();
            b.assertNoSidewaysScrolling(name);
            b.assertEveryControlIsLabelled(name);
            b.assertEveryControlIsReachableByKeyboard(name);
        }
    }

    /**
     * A manager's results page: a bad review of their shop recovered today shows in the per-day, per-agent and
     * per-product tables and the chart, for ticket-service's default period (its last 7 days); an agent is refused.
     */
    @Test
    void aManagerSeesTheShopsRecoveryResults() throws Exception {
        String shop = Api.uniqueShop();
        String agent = Api.hire(stack.ticketUrl(0), shop, "小孙", "REVIEW_RECOVERY", 5, "ONLINE");
        String order = "O-" + UUID.randomUUID();
        Api.postReview(stack.reviewUrl(), shop, review(shop, "R-results", order))
                .then()
                .statusCode(201);
        String agentToken = TestTokens.agent(shop, UUID.fromString(agent), "REVIEW_RECOVERY");
        String ticket = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> Api.tickets(stack.ticketUrl(0), shop, "ASSIGNED")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        given().baseUri(stack.ticketUrl(0))
                .auth()
                .oauth2(agentToken)
                .contentType(ContentType.JSON)
                .body("{\"channel\": \"PHONE\", \"outcome\": \"REACHED\", \"note\": \"已重发\"}")
                .when()
                .post("/api/v1/tickets/" + ticket + "/contacts")
                .then()
                .statusCode(201);
        // the buyer's revision recovers it
        Api.revise(stack.reviewUrl(), shop, "R-results", "GOOD", "客服处理很快，满意", TestClock.china(TestClock.now()))
                .then()
                .statusCode(201);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> given().baseUri(stack.ticketUrl(0))
                                .auth()
                                .oauth2(TestTokens.manager(shop))
                                .when()
                                .get("/api/v1/recovery-economics")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Integer>path("total.recovered"),
                        recovered -> recovered == 1);

        try (Browser managerBrowser = new Browser()) {
            var manager = managerBrowser.size(1366, 768);
            signIn(managerBrowser, TestTokens.manager(shop), "/supervision");
            manager.findElement(By.cssSelector("a[href='/results']")).click();
            new WebDriverWait(manager, WAIT).until(d -> d.getCurrentUrl().endsWith("/results"));
            assertThat(manager.findElement(By.id("results-summary")).getText())
                    .contains("收到中差评 1 条")
                    .contains("已挽回 1 条");
            assertThat(manager.findElements(By.cssSelector("#per-day tbody tr")))
                    .hasSize(7);
            assertThat(manager.findElement(By.cssSelector("#per-day tfoot")).getText())
                    .contains("合计 1 0 1 0");
            assertThat(manager.findElement(By.id("per-agent")).getText()).contains("小孙");
            assertThat(manager.findElement(By.id("per-product")).getText()).contains("SKU-TS-WHITE-L");
            assertThat(manager.findElements(By.cssSelector("#results-chart g.day")))
                    .hasSize(7);
            assertThat(manager.findElement(By.id("from")).getAttribute("value")).isNotBlank();
            checkPage(managerBrowser, "results");
        }

        signIn(browser, agentToken, "/desk");
        assertThat(browser.driver.findElements(By.cssSelector("a[href='/results']")))
                .isEmpty();
        browser.driver.get(url("/results"));
        assertThat(browser.driver.getPageSource()).contains("无权访问");
        browser.consoleErrors(); // the page's own 403
    }

    /**
     * A bad review complaining of a missing item, posted through review-service: the agent's ticket page shows its
     * complaint reasons (the main one marked) and DSR scores, which came with the ticket from review.received.v1, and
     * the weight check: first that logistics knows no shipment of the order, then, the order system having
     * registered the parcel (no courier scan yet), no scan, and logistics-service's verdict on the agent's request.
     */
    @Test
    void aMissingItemComplaintShowsItsReasonsScoresAndTheWeightCheck() throws Exception {
        String shop = Api.uniqueShop();
        String agent = Api.hire(stack.ticketUrl(0), shop, "小周", "REVIEW_RECOVERY", 5, "ONLINE");
        String order = "O-" + UUID.randomUUID();
        Api.postReview(
                        stack.reviewUrl(),
                        shop,
                        review(shop, "R-missing", order)
                                .replace("衣服有破洞，质量太差了", "漏发了一双，联系客服等了半天才回")
                                .replace(
                                        "\"dsr\": {\"description\": 2, \"service\": 3, \"shipping\": 4}",
                                        "\"dsr\": {\"description\": 2, \"service\": 1, \"shipping\": 3}"))
                .then()
                .statusCode(201);
        String ticket = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> given().baseUri(stack.ticketUrl(0))
                                .auth()
                                .oauth2(TestTokens.supervisor(shop))
                                .queryParam("orderId", order)
                                .queryParam("status", "ASSIGNED")
                                .when()
                                .get("/api/v1/tickets")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);

        var driver = browser.size(1366, 768);
        signIn(browser, TestTokens.agent(shop, UUID.fromString(agent), "REVIEW_RECOVERY"), "/desk");
        driver.get(url("/tickets/" + ticket));
        WebElement main = driver.findElement(By.cssSelector(".reasons .reason[data-reason='MISSING_ITEM']"));
        assertThat(main.getText()).contains("少件/漏发").contains("主要");
        assertThat(driver.findElements(By.cssSelector(".reasons .reason[data-reason='SERVICE_ATTITUDE']")))
                .hasSize(1);
        assertThat(driver.findElement(By.cssSelector(".dsr")).getAttribute("data-dsr"))
                .isEqualTo("2/1/3");
        assertThat(driver.findElement(By.cssSelector(".dsr")).getText()).isEqualTo("描述相符 2 · 服务态度 1 · 物流服务 3");
        assertThat(driver.findElement(By.id("weight-no-shipment")).getText()).contains("没有此订单的发货记录");
        checkPage("ticket-missing-item");
        sectionShot(driver, "reviews-title", "ticket-missing-item-reasons-1366x768");

        // the order system registers the parcel, 1000 g at origin; no courier has scanned it yet
        given().baseUri(stack.logisticsUrl())
                .auth()
                .oauth2(TestTokens.integration(shop))
                .contentType(ContentType.JSON)
                .body("""
                        {"orderId": "%s", "courier": "STO", "trackingNumber": "77%s", "origin": {"province": "广东", "city": "广州"},
                         "buyer": {"province": "辽宁", "city": "沈阳"}, "originWeightGrams": 1000, "shippedAt": "%s",
                         "packingSlip": [{"sku": "SKU-TS-WHITE-L", "title": "纯棉T恤", "quantity": 2, "unitWeightGrams": 300, "outOfStock": false}]}""".formatted(order, Math.abs(order.hashCode()), Api.writtenAtPlus(Duration.ofDays(-3))))
                .when()
                .post("/api/v1/shipments")
                .then()
                .statusCode(201);
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("weight-declared")).getText()).isEqualTo("1000 g");
        assertThat(driver.findElements(By.id("weight-no-scans"))).hasSize(1);
        driver.findElement(By.cssSelector("#weight-check button")).click();
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElements(By.id("weight-verdict")).isEmpty());
        WebElement verdict = driver.findElement(By.id("weight-verdict"));
        // no weight after origin: logistics-service cannot tell, and its evidence says why
        assertThat(verdict.getAttribute("data-verdict")).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.findElements(By.cssSelector(".evidence li"))).isNotEmpty();
        assertThat(verdict.getText()).contains("1000 g");
        checkPage("ticket-weight-check");
        sectionShot(driver, "weight-title", "ticket-weight-check-verdict-1366x768");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** A screenshot at 1366×768 with the section of the given heading at the top (checkPage's leaves it scrolled). */
    private static void sectionShot(org.openqa.selenium.WebDriver driver, String headingId, String name)
            throws Exception {
        browser.size(1366, 768);
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).scrollIntoView();", headingId);
        browser.screenshot(name);
    }
}
