package shop.winback.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/grafana/winback-dashboard.json: valid JSON, a Prometheus data source variable, and only known metrics. */
class GrafanaDashboardTests {

    static final Path DASHBOARD = Repo.path("deploy/grafana/winback-dashboard.json");

    /**
     * Every metric the dashboard may use, and where it comes from. A metric renamed in the code must be renamed
     * here and in the dashboard: the test fails until both agree. The winback_* ones are checked against the
     * sources (Micrometer name "winback.x.y" becomes winback_x_y plus the unit/type suffix).
     */
    static final Map<String, String> KNOWN = new TreeMap<>(Map.of(
            "winback_review_to_assignment_seconds_bucket", "winback.review.to.assignment",
            "winback_review_to_assignment_seconds_count", "winback.review.to.assignment",
            "winback_events_handled_seconds_count", "winback.events.handled",
            "winback_events_handled_seconds", "winback.events.handled",
            "winback_events_batches_seconds_count", "winback.events.batches",
            "winback_events_batches_seconds_sum", "winback.events.batches",
            "winback_events_dead_lettered_total", "winback.events.dead.lettered",
            "winback_outbox_backlog", "winback.outbox.backlog"));

    static {
        // from the Kafka clients (Micrometer's Kafka binder, quarkus-micrometer) and Quarkus's HTTP server metrics
        KNOWN.put("kafka_consumer_fetch_manager_records_lag_max", "");
        KNOWN.put("http_server_requests_seconds_count", "");
        KNOWN.put("http_server_requests_seconds_sum", "");
        KNOWN.put("http_server_requests_seconds_max", "");
    }

    static final Set<String> PROMQL_WORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan");

    static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> exprs.add(e.asText()));
        return exprs;
    }

    /** The metric names in a PromQL expression. */
    static Set<String> metrics(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()")
                .matcher(s);
        while (m.find()) {
            String name = m.group(1);
            if (!PROMQL_WORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void theDashboardIsValidJsonWithAPrometheusDataSourceVariable() throws IOException {
        JsonNode d = dashboard();
        assertThat(d.path("title").asText()).isNotEmpty();
        assertThat(d.path("uid").asText()).isNotEmpty();
        JsonNode ds = null;
        for (JsonNode v : d.path("templating").path("list")) {
            if ("datasource".equals(v.path("type").asText())) {
                ds = v;
            }
        }
        assertThat(ds).as("a data source variable").isNotNull();
        assertThat(ds.path("query").asText()).isEqualTo("prometheus");
        String variable = "${" + ds.path("name").asText() + "}";
        int panels = 0;
        for (JsonNode p : d.path("panels")) {
            if ("row".equals(p.path("type").asText())) {
                continue;
            }
            panels++;
            assertThat(p.path("datasource").path("uid").asText())
                    .as("data source of %s", p.path("title").asText())
                    .isEqualTo(variable);
            assertThat(p.path("targets").size())
                    .as("targets of %s", p.path("title").asText())
                    .isPositive();
        }
        assertThat(panels).isGreaterThanOrEqualTo(6);
    }

    @Test
    void everyMetricTheDashboardUsesIsKnown() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String expr : expressions(dashboard())) {
            Set<String> inExpr = metrics(expr);
            assertThat(inExpr).as("metrics in %s", expr).isNotEmpty();
            used.addAll(inExpr);
        }
        assertThat(KNOWN.keySet())
                .as("metrics the dashboard uses that this test does not know")
                .containsAll(used);
        assertThat(used)
                .as("metrics this test knows that the dashboard no longer uses")
                .containsAll(KNOWN.keySet());
    }

    @Test
    void theDashboardCoversTheOperatorsQuestions() throws IOException {
        String all = String.join("\n", expressions(dashboard()));
        assertThat(all)
                .contains(
                        "histogram_quantile",
                        "winback_review_to_assignment_seconds_bucket",
                        "winback_events_dead_lettered_total",
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "winback_outbox_backlog",
                        "http_server_requests_seconds");
    }

    @Test
    void everyWinbackMetricIsRegisteredInTheSources() throws IOException {
        StringBuilder sources = new StringBuilder();
        for (String module :
                Stream.concat(Repo.services().stream(), Stream.of("platform")).toList()) {
            try (Stream<Path> files = Files.walk(Repo.path(module + "/src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.append(Repo.read(f)));
            }
        }
        for (Map.Entry<String, String> metric : KNOWN.entrySet()) {
            if (!metric.getValue().isEmpty()) {
                assertThat(sources.toString().contains("\"" + metric.getValue() + "\""))
                        .as(
                                "Micrometer name \"%s\" (for %s) registered in the sources",
                                metric.getValue(), metric.getKey())
                        .isTrue();
            }
        }
    }

    @Test
    void theMetricParserFindsNamesAndSkipsFunctionsAndLabels() {
        assertThat(metrics("histogram_quantile(0.99, sum by (le) (rate(a_b_bucket{x=\"y\"}[$__rate_interval])))"))
                .containsExactly("a_b_bucket");
        assertThat(metrics("sum by (job) (rate(x_sum[5m])) / sum by (job) (rate(x_count[5m]))"))
                .containsExactly("x_count", "x_sum");
        assertThat(metrics("max by (job) (winback_outbox_backlog)")).containsExactly("winback_outbox_backlog");
    }
}
