package shop.winback.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.winback.testing.TestInfra;
import shop.winback.testing.TestTokens;

/**
 * review-service and N ticket-service instances as packaged, on the broker and PostgreSQL of {@link TestInfra}:
 * those deploy/test started (KAFKA_BOOTSTRAP_SERVERS, PGHOST…), else containers where Docker runs. Each stack has
 * its own topics, consumer group and databases, so stacks never see each other's events.
 */
final class Stack implements AutoCloseable {

    final String runId = UUID.randomUUID().toString().substring(0, 8);
    final String reviewsTopic = "reviews.v1-e2e-" + runId;
    final String ticketsTopic = "tickets.v1-e2e-" + runId;
    /** ticket-service's agent.hired.v1: compensation-service's agent registry (an agent's authority). */
    final String agentsTopic = "agents.v1-e2e-" + runId;

    final String consumerGroup = "ticket-service-e2e-" + runId;
    final ServiceProcess review;
    final List<ServiceProcess> tickets = new ArrayList<>();
    private final List<Map<String, String>> ticketEnvs = new ArrayList<>();

    // only set by startAll(): the whole system, four services on databases of this run
    final String compensationsTopic = "compensations.v1-e2e-" + runId;
    final String logisticsTopic = "logistics.v1-e2e-" + runId;
    /** The HMAC secret of logistics-service's generic courier push (startAll only). */
    final String genericPushSecret = "e2e-push-" + UUID.randomUUID();

    ServiceProcess compensation;
    ServiceProcess logistics;
    /** The agents' desk in front of the four services (startWorkbench, after startAll). */
    ServiceProcess workbench;
    /** service name (review, ticket, compensation, logistics) to its database; startAll() only. */
    final Map<String, String> databases = new LinkedHashMap<>();

    private Stack(int ticketInstances, Map<String, String> ticketSettings) throws Exception {
        createDatabase("e2e_reviews");
        // the Testcontainers run (system-tests' profile testcontainers) must not pass on a configured broker
        if ("containers".equals(System.getProperty("winback.infra")) && !TestInfra.inContainers()) {
            throw new IllegalStateException("winback.infra=containers, but Kafka and PostgreSQL were configured");
        }
        createDatabase("e2e_tickets");
        Map<String, String> reviewEnv = common("e2e_reviews");
        reviewEnv.put("REVIEW_TOPIC", reviewsTopic);
        review = ServiceProcess.start("review-service", "review-service-" + runId, reviewEnv);
        try {
            for (int i = 0; i < ticketInstances; i++) {
                Map<String, String> ticketEnv = common("e2e_tickets");
                ticketEnv.put("TICKET_TOPIC", ticketsTopic);
                ticketEnv.put("TICKET_AGENTS_TOPIC", agentsTopic);
                ticketEnv.put("TICKET_REVIEWS_TOPIC", reviewsTopic);
                ticketEnv.put("MP_MESSAGING_INCOMING_REVIEWS_GROUP_ID", consumerGroup);
                ticketEnv.putAll(ticketSettings);
                ticketEnvs.add(ticketEnv);
                tickets.add(ServiceProcess.start("ticket-service", "ticket-service-" + runId + "-" + i, ticketEnv));
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /**
     * The whole system: review-service, one ticket-service, logistics-service and compensation-service
     * (which asks logistics-service for postage), each on a database of its own made for this run
     * (dropped on close) and topics of this run. {@code settings} go to every service (e.g. timers off).
     */
    private Stack(Map<String, String> settings) throws Exception {
        for (String service : List.of("review", "ticket", "compensation", "logistics")) {
            String db = "e2e_" + runId + "_" + service;
            createDatabase(db);
            databases.put(service, db);
        }
        try {
            Map<String, String> reviewEnv = common(databases.get("review"));
            reviewEnv.put("REVIEW_TOPIC", reviewsTopic);
            reviewEnv.putAll(settings);
            review = ServiceProcess.start("review-service", "review-service-" + runId, reviewEnv);

            Map<String, String> ticketEnv = common(databases.get("ticket"));
            ticketEnv.put("TICKET_TOPIC", ticketsTopic);
            ticketEnv.put("TICKET_AGENTS_TOPIC", agentsTopic);
            ticketEnv.put("TICKET_REVIEWS_TOPIC", reviewsTopic);
            ticketEnv.put("TICKET_COMPENSATIONS_TOPIC", compensationsTopic);
            ticketEnv.put("MP_MESSAGING_INCOMING_REVIEWS_GROUP_ID", consumerGroup);
            ticketEnv.put("MP_MESSAGING_INCOMING_COMPENSATIONS_GROUP_ID", consumerGroup);
            ticketEnv.put("TICKET_LOGISTICS_TOPIC", logisticsTopic);
            ticketEnv.put("MP_MESSAGING_INCOMING_LOGISTICS_GROUP_ID", consumerGroup);
            ticketEnv.putAll(settings);
            ticketEnvs.add(ticketEnv);
            tickets.add(ServiceProcess.start("ticket-service", "ticket-service-" + runId + "-0", ticketEnv));

            Map<String, String> logisticsEnv = common(databases.get("logistics"));
            logisticsEnv.put("LOGISTICS_TOPIC", logisticsTopic);
            logisticsEnv.put("LOGISTICS_GENERIC_PUSH_SECRET", genericPushSecret);
            logisticsEnv.putAll(settings);
            logistics = ServiceProcess.start("logistics-service", "logistics-service-" + runId, logisticsEnv);

            Map<String, String> compensationEnv = common(databases.get("compensation"));
            compensationEnv.put("COMPENSATION_TOPIC", compensationsTopic);
            compensationEnv.put("COMPENSATION_LOGISTICS_TOPIC", logisticsTopic);
            compensationEnv.put("MP_MESSAGING_INCOMING_LOGISTICS_GROUP_ID", "compensation-service-e2e-" + runId);
            // the order facts every quote and compensation is decided from come from this run's reviews
            compensationEnv.put("COMPENSATION_REVIEWS_TOPIC", reviewsTopic);
            compensationEnv.put("MP_MESSAGING_INCOMING_REVIEWS_GROUP_ID", "compensation-service-e2e-" + runId);
            // an agent's authority is the tier ticket-service hired them with, learned from this run's agents.v1
            compensationEnv.put("COMPENSATION_AGENTS_TOPIC", agentsTopic);
            compensationEnv.put("MP_MESSAGING_INCOMING_AGENTS_GROUP_ID", "compensation-service-e2e-" + runId);
            compensationEnv.put("QUARKUS_REST_CLIENT_LOGISTICS_URL", logistics.url());
            compensationEnv.putAll(settings);
            compensation =
                    ServiceProcess.start("compensation-service", "compensation-service-" + runId, compensationEnv);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** All four services; see {@link #Stack(Map)}. */
    static Stack startAll() throws Exception {
        return new Stack(Map.of());
    }

    /** All four services with extra settings (environment variables) for each of them. */
    static Stack startAll(Map<String, String> settings) throws Exception {
        return new Stack(settings);
    }

    /** The workbench, calling this stack's four services with its users' tokens (it has none of its own). */
    ServiceProcess startWorkbench() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("WORKBENCH_SERVICES_REVIEW", review.url());
        env.put("WORKBENCH_SERVICES_TICKET", ticketUrl(0));
        env.put("WORKBENCH_SERVICES_COMPENSATION", compensation.url());
        env.put("WORKBENCH_SERVICES_LOGISTICS", logistics.url());
        workbench = ServiceProcess.start("workbench", "workbench-" + runId, env);
        return workbench;
    }

    String compensationUrl() {
        return compensation.url();
    }

    String logisticsUrl() {
        return logistics.url();
    }

    /** A connection to the database of {@code service} (review, ticket, compensation, logistics); startAll() only. */
    Connection database(String service) throws SQLException {
        String db = databases.get(service);
        if (db == null) {
            throw new IllegalArgumentException(
                    "no database for " + service + " (only startAll() stacks have them all)");
        }
        return DriverManager.getConnection(jdbcUrl(db), pgUser(), pgPassword());
    }

    static Stack start(int ticketInstances) throws Exception {
        return new Stack(ticketInstances, Map.of());
    }

    /** With extra settings (environment variables) for every ticket-service instance. */
    static Stack start(int ticketInstances, Map<String, String> ticketSettings) throws Exception {
        return new Stack(ticketInstances, ticketSettings);
    }

    /** kill -9 of a ticket-service instance, then the same instance started again. */
    void killAndRestartTicket(int instance) throws Exception {
        tickets.get(instance).kill();
        tickets.set(
                instance,
                ServiceProcess.start(
                        "ticket-service",
                        "ticket-service-" + runId + "-" + instance + "-restarted",
                        ticketEnvs.get(instance)));
    }

    String reviewUrl() {
        return review.url();
    }

    String ticketUrl(int instance) {
        return tickets.get(instance).url();
    }

    static String bootstrapServers() {
        return TestInfra.kafkaBootstrapServers();
    }

    private static Map<String, String> common(String database) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", pgUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", pgPassword());
        // both services trust the tests' signing key and share one personal-data key, as in production
        env.put("MP_JWT_VERIFY_PUBLICKEY", TestTokens.publicKeyPem());
        env.put("WINBACK_PERSONAL_DATA_KEY", TestTokens.PERSONAL_DATA_KEY);
        // the fuzz test fails authentication on purpose, hundreds of times a minute from one address: the rates and
        // the lock-out are the platform's own tests' (RateLimitTests), here they would only hide what comes after
        env.put("WINBACK_RATE_LIMIT_FAILURES", "1000000");
        env.put("WINBACK_RATE_LIMIT_CALLER_RATE", "1000000");
        env.put("WINBACK_RATE_LIMIT_ANONYMOUS_RATE", "1000000");
        return env;
    }

    private static String jdbcUrl(String database) {
        return TestInfra.postgres().jdbcUrl(database);
    }

    private static String pgUser() {
        return TestInfra.postgres().user();
    }

    private static String pgPassword() {
        return TestInfra.postgres().password();
    }

    private static void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), pgUser(), pgPassword());
                var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        }
    }

    @Override
    public void close() {
        if (workbench != null) {
            workbench.close();
        }
        if (compensation != null) {
            compensation.close();
        }
        if (logistics != null) {
            logistics.close();
        }
        tickets.forEach(ServiceProcess::close);
        if (review != null) {
            review.close();
        }
        // the databases of a startAll() stack are this run's alone
        for (String db : databases.values()) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), pgUser(), pgPassword());
                    var drop = c.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop " + db + ": " + e.getMessage());
            }
        }
    }
}
