package shop.winback.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.winback.clients.compensation.api.CompensationSettingsApi;
import shop.winback.clients.compensation.model.CompensationSettings;
import shop.winback.clients.logistics.api.LogisticsSettingsApi;
import shop.winback.clients.logistics.api.ShipmentsApi;
import shop.winback.clients.logistics.model.Courier;
import shop.winback.clients.logistics.model.PlaceRequest;
import shop.winback.clients.logistics.model.Shipment;
import shop.winback.clients.logistics.model.ShipmentRequest;
import shop.winback.clients.logistics.model.SlipLineRequest;
import shop.winback.clients.review.api.ReviewsApi;
import shop.winback.clients.review.model.Dsr;
import shop.winback.clients.review.model.Rating;
import shop.winback.clients.review.model.Review;
import shop.winback.clients.review.model.ReviewBuyer;
import shop.winback.clients.review.model.ReviewItem;
import shop.winback.clients.review.model.ReviewRequest;
import shop.winback.clients.ticket.api.AgentsApi;
import shop.winback.clients.ticket.model.Agent;
import shop.winback.clients.ticket.model.AgentStatus;
import shop.winback.clients.ticket.model.NewAgent;
import shop.winback.clients.ticket.model.Tier;
import shop.winback.testing.TestTokens;

/**
 * What an integrator gets from the published OpenAPI documents: clients generated from each
 * service's document (as its build wrote it) call the packaged services and read typed answers.
 * Java: the openapi-generator clients this module's build generates (library native). TypeScript:
 * the openapi-typescript/openapi-fetch clients of deploy/contracts/build-clients, compiled strictly
 * and run with node against the same stack.
 */
class GeneratedClientsIT {

    private static final String SERVICE_LINE = "ROUNDTRIP %s ok ";

    static Stack stack;
    final String shop = Api.uniqueShop();
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.startAll();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** review-service: the order system captures a review, a supervisor reads it back. */
    @Test
    void javaReviewClientCapturesAndReadsBackAReview() throws Exception {
        var reviewClient = new shop.winback.clients.review.ApiClient();
        reviewClient.updateBaseUri(stack.reviewUrl());
        reviewClient.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + TestTokens.integration(shop)));
        String order = "GC-O-" + run;
        Review captured = new ReviewsApi(reviewClient)
                .reviewResourceCapture(new ReviewRequest()
                        .shopId(shop)
                        .platformReviewId("GC-R-" + run)
                        .orderId(order)
                        .item(new ReviewItem().sku("SKU-TS-WHITE-L").title("纯棉T恤 白色 L"))
                        .buyer(new ReviewBuyer()
                                .id("buyer-" + run)
                                .province("辽宁")
                                .city("沈阳"))
                        .orderAmountFen(12900L)
                        .distinctItems(2)
                        .rating(Rating.BAD)
                        .dsr(new Dsr().description(2).service(3).shipping(4))
                        .text("衣服有破洞，质量太差了")
                        .createdAt(OffsetDateTime.parse(Api.writtenAtPlus(Duration.ZERO))));
        assertThat(captured.getId()).isNotNull();
        reviewClient.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + TestTokens.supervisor(shop)));
        Review read = new ReviewsApi(reviewClient).reviewResourceGet(captured.getId());
        assertThat(read.getOrderId()).isEqualTo(order);
        assertThat(read.getRating()).isEqualTo(Rating.BAD);
        assertThat(read.getDsr().getDescription()).isEqualTo(2);
        assertThat(read.getBuyer().getProvince()).isEqualTo("辽宁");
        assertThat(read.getCreatedAt().toInstant()).isEqualTo(Api.WRITTEN_AT);
    }

    /** ticket-service: a supervisor hires an agent and finds them in the list. */
    @Test
    void javaTicketClientHiresAndListsAnAgent() throws Exception {
        var ticketClient = new shop.winback.clients.ticket.ApiClient();
        ticketClient.updateBaseUri(stack.ticketUrl(0));
        ticketClient.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + TestTokens.supervisor(shop)));
        AgentsApi agents = new AgentsApi(ticketClient);
        Agent hired = agents.agentResourceHire(new NewAgent()
                .shopId(shop)
                .name("小张-" + run)
                .tier(Tier.AFTER_SALES)
                .capacity(9)
                .status(AgentStatus.OFFLINE));
        List<Agent> listed = agents.agentResourceList(shop, AgentStatus.OFFLINE, Tier.AFTER_SALES);
        assertThat(listed).extracting(Agent::getId).containsExactly(hired.getId());
        assertThat(listed.get(0).getCapacity()).isEqualTo(9);
        assertThat(listed.get(0).getOpenTickets()).isZero();
    }

    /** compensation-service: the shop's settings, DOMAIN's defaults for a shop that set none. */
    @Test
    void javaCompensationClientReadsTheSettings() throws Exception {
        var compensationClient = new shop.winback.clients.compensation.ApiClient();
        compensationClient.updateBaseUri(stack.compensationUrl());
        compensationClient.setRequestInterceptor(
                r -> r.header("Authorization", "Bearer " + TestTokens.supervisor(shop)));
        CompensationSettings compensation = new CompensationSettingsApi(compensationClient).settingsResourceGet();
        assertThat(compensation.getAgentLimitFen()).isEqualTo(2000L);
        assertThat(compensation.getSupervisorLimitFen()).isEqualTo(20000L);
    }

    /** logistics-service: the order system registers a shipment, a supervisor reads it back; and the settings. */
    @Test
    void javaLogisticsClientRegistersAndReadsBackAShipment() throws Exception {
        String order = "GC-O-" + run;
        var logisticsClient = new shop.winback.clients.logistics.ApiClient();
        logisticsClient.updateBaseUri(stack.logisticsUrl());
        logisticsClient.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + TestTokens.integration(shop)));
        Shipment registered = new ShipmentsApi(logisticsClient)
                .shipmentResourceRegister(new ShipmentRequest()
                        .shopId(shop)
                        .orderId(order)
                        .courier(Courier.STO)
                        .trackingNumber("77" + Math.abs(run.hashCode()))
                        .origin(new PlaceRequest().province("广东").city("广州"))
                        .buyer(new PlaceRequest().province("辽宁").city("沈阳"))
                        .originWeightGrams(700)
                        .shippedAt(OffsetDateTime.parse(Api.writtenAtPlus(Duration.ofDays(-3))))
                        .packingSlip(List.of(new SlipLineRequest()
                                .sku("SKU-TS-WHITE-L")
                                .title("纯棉T恤")
                                .quantity(2)
                                .unitWeightGrams(300)
                                .outOfStock(false))));
        logisticsClient.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + TestTokens.supervisor(shop)));
        Shipment shipment = new ShipmentsApi(logisticsClient).shipmentResourceGet(registered.getId());
        assertThat(shipment.getCourier()).isEqualTo(Courier.STO);
        assertThat(shipment.getOrderId()).isEqualTo(order);
        assertThat(shipment.getPackingSlip())
                .singleElement()
                .satisfies(line -> assertThat(line.getQuantity()).isEqualTo(2));
        assertThat(new LogisticsSettingsApi(logisticsClient)
                        .settingsResourceGet()
                        .getToleranceGrams())
                .isEqualTo(50);
    }

    /** The TypeScript clients, generated and compiled by deploy/contracts/build-clients, one call or two per service. */
    @Test
    void typeScriptClientsCallEveryService() throws Exception {
        assumeTrue(
                onPath("node") && onPath("npm"),
                "node and npm are not installed: the TypeScript clients (deploy/contracts/build-clients) are not run here");
        Path root = Path.of(System.getProperty("winback.root", ".."))
                .toAbsolutePath()
                .normalize();
        Result built = run(
                List.of("bash", root.resolve("deploy/contracts/build-clients").toString()), Map.of(), 10);
        assertThat(built.exit())
                .as("deploy/contracts/build-clients failed:\n" + built.output())
                .isZero();
        Path compiled = Path.of(built.lastLine());
        assertThat(compiled).as("the compiled round trip").exists();

        String order = "GC-TS-O-" + run;
        Result roundTrip = run(
                List.of("node", compiled.toString()),
                Map.of(
                        "REVIEW_URL",
                        stack.reviewUrl(),
                        "TICKET_URL",
                        stack.ticketUrl(0),
                        "COMPENSATION_URL",
                        stack.compensationUrl(),
                        "LOGISTICS_URL",
                        stack.logisticsUrl(),
                        "SHOP",
                        shop,
                        "TOKEN",
                        TestTokens.token(shop, "typescript-client", Set.of("integration", "supervisor")),
                        "ORDER_ID",
                        order,
                        "CREATED_AT",
                        Api.writtenAtPlus(Duration.ZERO)),
                2);
        assertThat(roundTrip.exit())
                .as("node " + compiled + ":\n" + roundTrip.output())
                .isZero();
        assertThat(roundTrip.output())
                .contains(SERVICE_LINE.formatted("review-service") + "review=")
                .contains("rating=NEUTRAL")
                .contains(SERVICE_LINE.formatted("ticket-service") + "agent=")
                .contains(SERVICE_LINE.formatted("compensation-service") + "agentLimitFen=2000")
                .contains(SERVICE_LINE.formatted("logistics-service") + "toleranceGrams=50");
    }

    // ---------------------------------------------------------------------------------------------

    record Result(int exit, String output) {
        String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        }
    }

    /** Runs a command to its end (at most {@code minutes}); stdout and stderr together. */
    private static Result run(List<String> command, Map<String, String> env, int minutes)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("generated-clients-", ".out");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        command + " did not finish within " + minutes + " min:\n" + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
