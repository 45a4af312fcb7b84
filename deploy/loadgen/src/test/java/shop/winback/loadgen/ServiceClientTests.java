package shop.winback.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceClientTests {

    private final java.util.List<ServiceClient> clients = new java.util.ArrayList<>();

    private ServiceClient closeLater(ServiceClient client) {
        clients.add(client);
        return client;
    }

    @org.junit.jupiter.api.AfterEach
    void closeClients() {
        clients.forEach(ServiceClient::close);
    }

    @Test
    void createsAgentsWithTheContractBody() throws Exception {
        try (StubServer stub =
                new StubServer(s -> new StubServer.Reply(201, "{\"id\":\"0b6a-agent\",\"name\":\"agent-1\"}"))) {
            ServiceClient client = closeLater(new ServiceClient(stub.url(), stub.url(), "jwt"));
            assertEquals("0b6a-agent", client.createAgent("bench-1a2b3c", "agent-1"));
            StubServer.Seen s = stub.seen.get(0);
            assertEquals("/api/v1/agents", s.path());
            assertEquals("Bearer jwt", s.authorization());
            for (String field : new String[] {
                "\"shopId\":\"bench-1a2b3c\"",
                "\"name\":\"agent-1\"",
                "\"tier\":\"REVIEW_RECOVERY\"",
                "\"capacity\":10000",
                "\"status\":\"ONLINE\""
            }) {
                assertTrue(s.body().contains(field), s.body());
            }
        }
    }

    @Test
    void refusedAgentIsASetupFailureWithTheReason() {
        try (StubServer stub = new StubServer(s -> new StubServer.Reply(403, "{\"title\":\"Forbidden\"}"))) {
            ServiceClient client = closeLater(new ServiceClient(stub.url(), stub.url(), null));
            SetupException e = assertThrows(SetupException.class, () -> client.createAgent("bench-1", "agent-1"));
            assertTrue(e.getMessage().contains("HTTP 403") && e.getMessage().contains("Forbidden"), e.getMessage());
        }
    }

    @Test
    void readinessFailsClearlyWhenNothingListens() throws Exception {
        java.net.URI nobody;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            nobody = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort());
        } // closed: the port is now (almost certainly) free
        ServiceClient client = closeLater(new ServiceClient(nobody, nobody, null));
        SetupException e =
                assertThrows(SetupException.class, () -> client.awaitReady("review-service", nobody, Duration.ZERO));
        assertTrue(
                e.getMessage().startsWith("review-service is not ready at " + nobody + "/q/health/ready"),
                e.getMessage());
    }

    @Test
    void readyWhenHealthAnswers200() throws Exception {
        try (StubServer stub = new StubServer(s -> new StubServer.Reply(200, "{\"status\":\"UP\"}"))) {
            closeLater(new ServiceClient(stub.url(), stub.url(), null)).awaitReady(Duration.ofSeconds(1));
            assertEquals("/q/health/ready", stub.seen.get(0).path());
        }
    }

    @Test
    void readsPerReviewOutcomesOfABatchAnswer() {
        ServiceClient client = closeLater(new ServiceClient(
                java.net.URI.create("http://127.0.0.1:1"), java.net.URI.create("http://127.0.0.1:1"), null));
        String body = "{\"created\":1,\"duplicates\":1,\"rejected\":1,\"results\":["
                + "{\"index\":2,\"platformReviewId\":\"c\",\"outcome\":\"REJECTED\",\"reviewId\":null,"
                + "\"violations\":[{\"field\":\"dsr.service\",\"message\":\"must be at most 5\"},{\"field\":\"text\",\"message\":\"too long\"}]},"
                + "{\"index\":0,\"platformReviewId\":\"a\",\"outcome\":\"CREATED\",\"reviewId\":\"u1\",\"violations\":[]},"
                + "{\"index\":1,\"platformReviewId\":\"b\",\"outcome\":\"DUPLICATE\",\"reviewId\":\"u0\",\"violations\":[]}]}";
        ServiceClient.BatchOutcome o =
                client.readBatchAnswer(200, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), 4);
        assertTrue(o.ok());
        assertEquals(
                java.util.Arrays.asList(
                        ServiceClient.ItemOutcome.CREATED,
                        ServiceClient.ItemOutcome.DUPLICATE,
                        ServiceClient.ItemOutcome.REJECTED,
                        null),
                java.util.Arrays.asList(o.items()),
                "by index; 3 has no result");
        assertEquals("dsr.service: must be at most 5; text: too long", o.reasons()[2]);

        ServiceClient.BatchOutcome garbage =
                client.readBatchAnswer(200, "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8), 4);
        assertTrue(!garbage.ok() && garbage.failure().startsWith("unreadable batch answer"), garbage.failure());
    }
}
