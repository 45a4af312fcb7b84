package shop.winback.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.winback.system.TopicWatcher.header;
import static shop.winback.system.TopicWatcher.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestTokens;

/**
 * Two ticket-service instances share the consumer group and the database. Reviews arrive on both
 * (partitions are split), agents come and go and tickets are closed through both APIs at once.
 * No ticket may be assigned twice and no agent may ever hold more tickets than their capacity.
 */
class TwoTicketInstancesIT {

    static final int REVIEWS = 40;
    static final int CAPACITY = 2;
    static final ObjectMapper JSON = new ObjectMapper();

    static Stack stack;
    static TopicWatcher tickets;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(2);
        tickets = new TopicWatcher(stack.ticketsTopic, 6);
    }

    @AfterAll
    static void stop() throws Exception {
        if (tickets != null) {
            tickets.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void neverAssignsATicketTwiceNorFillsAnAgentBeyondCapacity() throws Exception {
        awaitBothInstancesConsume();
        String shop = Api.uniqueShop();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            agents.add(Api.hire(stack.ticketUrl(i % 2), shop, "agent-" + i, "REVIEW_RECOVERY", CAPACITY, "ONLINE"));
        }

        ExecutorService posters = Executors.newFixedThreadPool(4);
        List<Future<Integer>> posted = new ArrayList<>();
        for (int i = 0; i < REVIEWS; i++) {
            String body = Api.review(shop, "R-" + i, "O-" + UUID.randomUUID(), "BAD");
            posted.add(posters.submit(
                    () -> Api.postReview(stack.reviewUrl(), shop, body).statusCode()));
        }

        List<String> overfilled = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        int round = 0;
        int closed = 0;
        while (closed < REVIEWS) {
            assertThat(Instant.now()).as("all tickets worked off in time").isBefore(deadline);
            int here = round % 2;
            int there = 1 - here;
            for (JsonNode ticket :
                    items(Api.tickets(stack.ticketUrl(here), shop, "ASSIGNED").asString())) {
                RestAssured.given()
                        .baseUri(stack.ticketUrl(there))
                        .auth()
                        .oauth2(TestTokens.supervisor(shop))
                        .contentType("application/json")
                        .body("{\"outcome\": \"EXPLAINED\"}")
                        .post("/api/v1/tickets/" + ticket.get("id").asText() + "/resolution")
                        .then()
                        .statusCode(200);
            }
            for (JsonNode agent : JSON.readTree(RestAssured.given()
                    .baseUri(stack.ticketUrl(here))
                    .auth()
                    .oauth2(TestTokens.supervisor(shop))
                    .queryParam("shopId", shop)
                    .get("/api/v1/agents")
                    .asString())) {
                if (agent.get("openTickets").asInt() > agent.get("capacity").asInt()) {
                    overfilled.add(agent.toString());
                }
            }
            if (round % 3 == 0) { // presence churn through the other instance
                String agent = agents.get(round % agents.size());
                Api.setStatus(stack.ticketUrl(there), shop, agent, "AWAY");
                Api.setStatus(stack.ticketUrl(here), shop, agent, "ONLINE");
            }
            closed = Api.tickets(stack.ticketUrl(there), shop, "CLOSED")
                    .then()
                    .extract()
                    .path("total");
            round++;
        }
        posters.shutdown();
        assertThat(posters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<Integer> status : posted) {
            assertThat(status.get()).isEqualTo(201);
        }

        assertThat(overfilled).as("agents seen above capacity").isEmpty();
        JsonNode all = items(Api.tickets(stack.ticketUrl(0), shop, null).asString());
        assertThat(all).hasSize(REVIEWS);
        assertThat(maxHeldAtOnce(all))
                .as("most tickets any agent held at one instant")
                .allSatisfy((agent, held) -> assertThat(held).isLessThanOrEqualTo(CAPACITY));

        // on the wire: every ticket assigned exactly once (redeliveries of one event share its ce_id)
        Set<String> ticketIds = new HashSet<>();
        all.forEach(t -> ticketIds.add(t.get("id").asText()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> assignedEventsByTicket(ticketIds).size() == REVIEWS);
        assertThat(assignedEventsByTicket(ticketIds))
                .allSatisfy((ticket, eventIds) -> assertThat(eventIds).hasSize(1));
    }

    private void awaitBothInstancesConsume() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(stack.consumerGroup))
                        .describedGroups()
                        .get(stack.consumerGroup)
                        .get();
                return group.members().size() == 2
                        && group.members().stream()
                                .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private Map<String, Set<String>> assignedEventsByTicket(Set<String> ticketIds) {
        return tickets.matching(type("ticket.assigned.v1")).stream()
                .filter(r -> ticketIds.contains(header(r, "ce_subject")))
                .collect(Collectors.groupingBy(
                        r -> header(r, "ce_subject"),
                        Collectors.mapping(
                                (ConsumerRecord<String, String> r) -> header(r, "ce_id"), Collectors.toSet())));
    }

    /** Replays each agent's assignments and closes in time order; returns the peak per agent. */
    private static Map<String, Integer> maxHeldAtOnce(JsonNode tickets) {
        record Change(Instant at, int delta) {}
        Map<String, List<Change>> byAgent = new HashMap<>();
        for (JsonNode t : tickets) {
            List<Change> changes = byAgent.computeIfAbsent(t.get("agentId").asText(), a -> new ArrayList<>());
            changes.add(new Change(Instant.parse(t.get("assignedAt").asText()), +1));
            changes.add(new Change(Instant.parse(t.get("closedAt").asText()), -1));
        }
        Map<String, Integer> peak = new HashMap<>();
        byAgent.forEach((agent, changes) -> {
            changes.sort(Comparator.comparing(Change::at)
                    .thenComparing(Change::delta)); // a close frees before the next assign
            int held = 0;
            int max = 0;
            for (Change c : changes) {
                held += c.delta();
                max = Math.max(max, held);
            }
            peak.put(agent, max);
        });
        return peak;
    }

    private static JsonNode items(String page) throws Exception {
        return JSON.readTree(page).get("items");
    }
}
