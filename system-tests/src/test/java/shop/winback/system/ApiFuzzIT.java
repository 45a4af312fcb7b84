package shop.winback.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestClock;
import shop.winback.testing.TestTokens;

/**
 * Every documented operation of the four services, driven with requests generated from the
 * service's own OpenAPI document (/q/openapi): valid ones built from the schemas and examples, and
 * hostile ones (wrong types, missing required fields, 100k-character strings, unicode, injection
 * strings, bad path and query values, huge and negative numbers, bad enum values, malformed JSON,
 * wrong content type, a URL and headers larger than the API takes), each with a token of a role the operation allows, so requests get past
 * authentication to validation.
 *
 * <p>Asserts: no 5xx at all; every 4xx is application/problem+json with {@code status} equal to the
 * HTTP status (unless the operation documents another media type for that status: Kuaidi100's push
 * answers in Kuaidi100's own JSON); and nothing is stored by a rejected request. For the last, around
 * each request the test reads, for every table of the target service's database, the row count and
 * the newest writing transaction (max(xmin)): an insert, update or delete changes one of them. Not
 * compared, because they change without a request: flyway_schema_history, outbox_event (the relay
 * marks rows sent) and inbox_message. The timers that write on their own (SLA scan, night handover,
 * approval escalation) are off (escalation: every 24 h) in this stack, and the services are fuzzed consumers first (ticket,
 * compensation, logistics, review), so events from accepted requests never land in a database while
 * it is being compared.
 *
 * <p>Deterministic: fixed seed, operations in document order; valid date-times are an hour before now
 * on the clock under test (examples' dates re-dated), so a shifted clock sees the same requests. Prints one summary line:
 * {@code FUZZ operations=… requests=… rejected=… accepted=… server_errors=0 problem_json_violations=0 writes_from_rejected=0}.
 */
class ApiFuzzIT {

    private static final long SEED = 8L;
    private static final String SHOP = "fuzz-shop";
    private static final Set<String> NOT_COMPARED = Set.of("flyway_schema_history", "outbox_event", "inbox_message");
    private static final String HUGE = "x".repeat(100_000);
    /** Query and path values stay under the HTTP server's 4 KiB request-line limit: that is the transport's limit, not the API's. */
    private static final String LONG = "y".repeat(3_000);

    private static final List<String> UNICODE =
            List.of("😀🎉👍🏽", "مرحبا بالعالم\u202Eevil", "a\u0000b", "纯棉T恤 白色 L，质量太差了", "\uFFFF\uFEFF\u200B");
    private static final List<String> INJECTION = List.of(
            "' OR 1=1--",
            "<script>alert(1)</script>",
            "${jndi:ldap://x}",
            "../../etc/passwd",
            "%00%0d%0aSet-Cookie: x=1",
            "{{7*7}}",
            "\"; DROP TABLE review; --");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A valid time: an hour before now on the clock under test, as the order system writes it. */
    private static final String VALID_DATE_TIME = TestClock.china(TestClock.hoursAgo(1));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Stack stack;
    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private int operations;
    private int requests;
    private int rejected;
    private int accepted;
    private int other;
    private int writesSeen;
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> problemViolations = new ArrayList<>();
    private final List<String> writesFromRejected = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.startAll(Map.of(
                "TICKET_SLA_SCAN_INTERVAL", "off",
                "TICKET_HANDOVER_CHECK_INTERVAL", "off",
                "COMPENSATION_APPROVAL_ESCALATION_INTERVAL", "24h"));
    }

    @AfterAll
    static void stop() throws SQLException {
        for (Connection c : CONNECTIONS.values()) {
            c.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyOperationRejectsHostileInputCleanly() throws Exception {
        // consumers first: events from accepted requests only reach services already fuzzed
        fuzzService("ticket", stack.ticketUrl(0));
        fuzzService("compensation", stack.compensationUrl());
        fuzzService("logistics", stack.logisticsUrl());
        fuzzService("review", stack.reviewUrl());

        System.out.printf(
                "FUZZ operations=%d requests=%d rejected=%d accepted=%d server_errors=%d problem_json_violations=%d "
                        + "writes_from_rejected=%d other=%d writes_seen_from_accepted=%d%n",
                operations,
                requests,
                rejected,
                accepted,
                serverErrors.size(),
                problemViolations.size(),
                writesFromRejected.size(),
                other,
                writesSeen);
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(problemViolations)
                .as("4xx answers that are not problem+json with a matching status")
                .isEmpty();
        assertThat(writesFromRejected)
                .as("rejected requests that changed the database")
                .isEmpty();
        assertThat(operations)
                .as("operations found in the four OpenAPI documents")
                .isGreaterThan(40);
        assertThat(writesSeen)
                .as("accepted requests whose writes the database comparison saw")
                .isGreaterThan(10);
    }

    // ---------------------------------------------------------------------------------------------

    private record Operation(String service, String baseUrl, String method, String path, JsonNode op, JsonNode doc) {
        String name() {
            return service + " " + method.toUpperCase() + " " + path;
        }
    }

    private record Call(
            String label, String method, String url, String contentType, byte[] body, Map<String, String> headers) {}

    private void fuzzService(String service, String baseUrl) throws Exception {
        JsonNode doc =
                JSON.readTree(send(new Call("openapi", "GET", baseUrl + "/q/openapi?format=json", null, null, Map.of()))
                        .body());
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                if (method.getValue()
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("text/event-stream")) {
                    // a live stream answers until the client closes it; ticket-service's LiveStreamTests and
                    // security matrix cover its refusals
                    continue;
                }
                operations++;
                fuzzOperation(new Operation(service, baseUrl, method.getKey(), path.getKey(), method.getValue(), doc));
            }
        }
    }

    private static final String SIGNED_AT = "X-Signature-Timestamp";
    private static final String NOW = "<now>";

    private void fuzzOperation(Operation op) throws Exception {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        Map<String, String> headerValues = new LinkedHashMap<>();
        List<JsonNode> params = new ArrayList<>();
        op.op().path("parameters").forEach(params::add);
        for (JsonNode p : params) {
            String value = validParam(op, p);
            switch (p.path("in").asText()) {
                case "path" -> pathValues.put(p.path("name").asText(), value);
                case "query" -> {
                    if (p.path("required").asBoolean() || random.nextBoolean()) {
                        queryValues.put(p.path("name").asText(), value);
                    }
                }
                // the signing time must be now (the replay window); the test fills it in when it signs
                case "header" ->
                    headerValues.put(
                            p.path("name").asText(), p.path("name").asText().equalsIgnoreCase(SIGNED_AT) ? NOW : value);
                default -> {}
            }
        }
        String contentType = null;
        JsonNode bodySchema = null;
        JsonNode validBody = null;
        var content = op.op().path("requestBody").path("content");
        if (content.isObject() && content.size() > 0) {
            contentType = content.fieldNames().next();
            JsonNode media = content.get(contentType);
            bodySchema = resolve(op.doc(), media.path("schema"));
            JsonNode example =
                    media.path("examples").isObject() && media.path("examples").size() > 0
                            ? media.path("examples").elements().next().path("value")
                            : media.path("example");
            validBody = example.isMissingNode() || example.isNull()
                    ? generate(op.doc(), bodySchema, 0)
                    : example.deepCopy();
            withShop(validBody);
            redate(op.doc(), validBody, bodySchema, 0);
        }

        // valid first: may be accepted (2xx) or refused for a reason of state (404 unknown id, 409…)
        for (int i = 0; i < 2; i++) {
            Map<String, String> headers = new LinkedHashMap<>(headerValues);
            headers.replaceAll((name, v) -> name.equalsIgnoreCase("Idempotency-Key") ? uuid() : v);
            exchange(op, call(op, "valid", pathValues, queryValues, headers, contentType, validBody));
        }

        // hostile path values
        for (String name : pathValues.keySet()) {
            for (String bad : hostileScalars(false)) {
                Map<String, String> pv = new LinkedHashMap<>(pathValues);
                pv.put(name, bad);
                exchange(
                        op,
                        call(
                                op,
                                "path " + name + "=" + shorten(bad),
                                pv,
                                queryValues,
                                fresh(headerValues),
                                contentType,
                                validBody));
            }
        }
        // hostile query values, and a missing required one
        for (JsonNode p : params) {
            if (!p.path("in").asText().equals("query")) {
                continue;
            }
            String name = p.path("name").asText();
            List<String> bads = new ArrayList<>(hostileScalars(false));
            bads.addAll(List.of(
                    "-1", "-99999999999", "99999999999999999999999", "1.5", "NaN", "2026-13-45", "NOT_A_VALUE", ""));
            for (String bad : bads) {
                Map<String, String> qv = new LinkedHashMap<>(queryValues);
                qv.put(name, bad);
                exchange(
                        op,
                        call(
                                op,
                                "query " + name + "=" + shorten(bad),
                                pathValues,
                                qv,
                                fresh(headerValues),
                                contentType,
                                validBody));
            }
            if (p.path("required").asBoolean()) {
                Map<String, String> qv = new LinkedHashMap<>(queryValues);
                qv.remove(name);
                exchange(
                        op,
                        call(
                                op,
                                "query " + name + " missing",
                                pathValues,
                                qv,
                                fresh(headerValues),
                                contentType,
                                validBody));
            }
        }
        // larger than the API takes (platform/http/RequestLimits): a 414 and a 431, as problem+json
        Map<String, String> longQuery = new LinkedHashMap<>(queryValues);
        longQuery.put("pad", "x".repeat(5_000));
        exchange(
                op,
                call(
                        op,
                        "url of 5,000 characters",
                        pathValues,
                        longQuery,
                        fresh(headerValues),
                        contentType,
                        validBody));
        Map<String, String> padded = fresh(headerValues);
        padded.put("X-Padding", "y".repeat(30_000));
        exchange(op, call(op, "headers of 30 KiB", pathValues, queryValues, padded, contentType, validBody));
        // hostile and missing header values (other than the signature, which the test computes)
        for (String name : headerValues.keySet()) {
            if (name.equalsIgnoreCase("X-Signature")) {
                continue;
            }
            for (String bad : List.of("", LONG, INJECTION.get(0), INJECTION.get(2))) {
                Map<String, String> hv = new LinkedHashMap<>(headerValues);
                hv.put(name, bad);
                exchange(
                        op,
                        call(
                                op,
                                "header " + name + "=" + shorten(bad),
                                pathValues,
                                queryValues,
                                hv,
                                contentType,
                                validBody));
            }
            Map<String, String> hv = new LinkedHashMap<>(headerValues);
            hv.remove(name);
            exchange(op, call(op, "header " + name + " missing", pathValues, queryValues, hv, contentType, validBody));
        }
        if (validBody == null) {
            return;
        }
        // hostile bodies as a whole
        for (String raw : List.of(
                "{\"shopId\": \"" + SHOP + "\",",
                "",
                "null",
                "[]",
                "\"text\"",
                "12",
                "{}",
                "{\"a\":".repeat(2000),
                "\u0000")) {
            exchange(
                    op,
                    new Call(
                            "body " + shorten(raw),
                            op.method(),
                            url(op, pathValues, queryValues),
                            contentType,
                            raw.getBytes(StandardCharsets.UTF_8),
                            signed(op, fresh(headerValues), raw.getBytes(StandardCharsets.UTF_8))));
        }
        byte[] valid = bytes(contentType, validBody);
        exchange(
                op,
                new Call(
                        "content-type text/plain",
                        op.method(),
                        url(op, pathValues, queryValues),
                        "text/plain",
                        valid,
                        signed(op, fresh(headerValues), valid)));
        exchange(
                op,
                new Call(
                        "content-type application/xml",
                        op.method(),
                        url(op, pathValues, queryValues),
                        "application/xml",
                        "<review><shopId>x</shopId></review>".getBytes(StandardCharsets.UTF_8),
                        signed(op, fresh(headerValues), valid)));
        // hostile fields: each top-level property, and one level down
        if (validBody.isObject() && bodySchema != null) {
            mutateFields(
                    op,
                    pathValues,
                    queryValues,
                    headerValues,
                    contentType,
                    validBody,
                    (ObjectNode) validBody,
                    bodySchema,
                    "",
                    0);
        }
    }

    private void mutateFields(
            Operation op,
            Map<String, String> pv,
            Map<String, String> qv,
            Map<String, String> hv,
            String contentType,
            JsonNode root,
            ObjectNode target,
            JsonNode schema,
            String prefix,
            int depth)
            throws Exception {
        JsonNode properties = resolve(op.doc(), schema).path("properties");
        Set<String> required = new java.util.HashSet<>();
        resolve(op.doc(), schema).path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode fieldSchema = resolve(op.doc(), field.getValue());
            JsonNode original = target.get(name);
            List<Map.Entry<String, JsonNode>> variants = new ArrayList<>();
            variants.add(Map.entry("missing", NODES.missingNode()));
            variants.add(Map.entry("null", NODES.nullNode()));
            String type = typeOf(fieldSchema);
            switch (type) {
                case "string" -> {
                    variants.add(Map.entry("number", NODES.numberNode(12345)));
                    variants.add(Map.entry("object", NODES.objectNode().put("a", 1)));
                    variants.add(Map.entry("huge", NODES.textNode(HUGE)));
                    variants.add(Map.entry("empty", NODES.textNode("")));
                    UNICODE.forEach(u -> variants.add(Map.entry("unicode " + shorten(u), NODES.textNode(u))));
                    INJECTION.forEach(s -> variants.add(Map.entry("injection " + s, NODES.textNode(s))));
                    if (fieldSchema.has("enum")) {
                        variants.add(Map.entry("bad enum", NODES.textNode("NOT_A_VALUE")));
                        variants.add(Map.entry(
                                "lower-case enum",
                                NODES.textNode(fieldSchema
                                        .path("enum")
                                        .path(0)
                                        .asText()
                                        .toLowerCase())));
                    }
                    if (!fieldSchema.path("format").isMissingNode()) {
                        variants.add(Map.entry(
                                "bad " + fieldSchema.path("format").asText(),
                                NODES.textNode(
                                        "not-a-" + fieldSchema.path("format").asText())));
                    }
                }
                case "integer", "number" -> {
                    variants.add(Map.entry("string", NODES.textNode("twelve")));
                    variants.add(Map.entry("negative", NODES.numberNode(-1)));
                    variants.add(Map.entry("min long", NODES.numberNode(Long.MIN_VALUE)));
                    variants.add(Map.entry(
                            "huge", NODES.numberNode(new java.math.BigInteger("99999999999999999999999999999"))));
                    variants.add(Map.entry("fraction", NODES.numberNode(1.5)));
                    variants.add(Map.entry("1e308", NODES.numberNode(1e308)));
                    variants.add(Map.entry("boolean", NODES.booleanNode(true)));
                }
                case "boolean" -> {
                    variants.add(Map.entry("string", NODES.textNode("yes")));
                    variants.add(Map.entry("number", NODES.numberNode(2)));
                }
                case "array" -> {
                    variants.add(Map.entry("object", NODES.objectNode()));
                    variants.add(Map.entry("string", NODES.textNode("[]")));
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = original != null && original.isArray() && original.size() > 0
                            ? original.get(0)
                            : NODES.textNode("x");
                    for (int i = 0; i < 2_000; i++) {
                        many.add(item.deepCopy());
                    }
                    variants.add(Map.entry("2000 items", many));
                    variants.add(Map.entry("array of nulls", NODES.arrayNode().add(NODES.nullNode())));
                    variants.add(Map.entry(
                            "array of wrong type",
                            NODES.arrayNode().add(NODES.numberNode(7)).add(NODES.booleanNode(false))));
                }
                case "object" -> {
                    variants.add(Map.entry("string", NODES.textNode("{}")));
                    variants.add(Map.entry("array", NODES.arrayNode()));
                    variants.add(Map.entry("empty object", NODES.objectNode()));
                }
                default -> variants.add(Map.entry("array", NODES.arrayNode()));
            }
            for (Map.Entry<String, JsonNode> variant : variants) {
                if (variant.getValue().isMissingNode()) {
                    target.remove(name);
                } else {
                    target.set(name, variant.getValue());
                }
                byte[] body = bytes(contentType, root);
                String label = "field " + prefix + name + " " + variant.getKey()
                        + (required.contains(name) ? " (required)" : "");
                exchange(
                        op,
                        new Call(label, op.method(), url(op, pv, qv), contentType, body, signed(op, fresh(hv), body)));
                if (original == null) {
                    target.remove(name);
                } else {
                    target.set(name, original);
                }
            }
            if (depth == 0 && original != null && original.isObject() && type.equals("object")) {
                mutateFields(
                        op, pv, qv, hv, contentType, root, (ObjectNode) original, fieldSchema, name + ".", depth + 1);
            }
            if (depth == 0
                    && original != null
                    && original.isArray()
                    && original.size() > 0
                    && original.get(0).isObject()) {
                mutateFields(
                        op,
                        pv,
                        qv,
                        hv,
                        contentType,
                        root,
                        (ObjectNode) original.get(0),
                        fieldSchema.path("items"),
                        name + "[0].",
                        depth + 1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void exchange(Operation op, Call call) throws Exception {
        Map<String, String> before = snapshot(op.service());
        HttpResponse<String> response = send(call);
        requests++;
        int status = response.statusCode();
        String where = op.name() + " [" + call.label() + "]";
        if (status >= 500) {
            serverErrors.add(where + " -> " + status + " " + shorten(response.body()));
        } else if (status >= 400) {
            rejected++;
            checkProblem(op, where, response);
            Map<String, String> after = snapshot(op.service());
            if (!after.equals(before)) {
                writesFromRejected.add(where + " -> " + status + " changed " + difference(before, after));
            }
        } else if (status >= 200 && status < 300) {
            accepted++;
            if (!snapshot(op.service()).equals(before)) {
                writesSeen++; // the comparison does see writes: accepted requests make them
            }
        } else {
            other++;
        }
    }

    private void checkProblem(Operation op, String where, HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode documented =
                op.op().path("responses").path(Integer.toString(status)).path("content");
        if (documented.isObject() && documented.size() > 0 && !documented.has("application/problem+json")) {
            // the operation documents its own error format for this status (Kuaidi100's push protocol)
            if (!documented.has(contentType.split(";")[0].trim())) {
                problemViolations.add(where + " -> " + status + " " + contentType + ", documented "
                        + documented.fieldNames().next());
            }
            return;
        }
        if (!contentType.startsWith("application/problem+json")) {
            problemViolations.add(
                    where + " -> " + status + " Content-Type '" + contentType + "' " + shorten(response.body()));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt(-1) != status) {
                problemViolations.add(where + " -> " + status + " but problem status " + problem.path("status") + " "
                        + shorten(response.body()));
            }
        } catch (Exception e) {
            problemViolations.add(where + " -> " + status + " unreadable problem " + shorten(response.body()));
        }
    }

    private HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(call.url())).timeout(Duration.ofSeconds(30));
        call.headers().forEach(builder::header);
        if (call.contentType() != null && call.body() != null) {
            builder.header("Content-Type", call.contentType());
        }
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        builder.method(call.method().toUpperCase(), body);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Call call(
            Operation op,
            String label,
            Map<String, String> pathValues,
            Map<String, String> queryValues,
            Map<String, String> headers,
            String contentType,
            JsonNode body)
            throws Exception {
        byte[] bytes = body == null ? null : bytes(contentType, body);
        return new Call(
                label, op.method(), url(op, pathValues, queryValues), contentType, bytes, signed(op, headers, bytes));
    }

    /** The caller's token (a role the operation allows) and, for the generic courier push, a correct signature of the body. */
    private Map<String, String> signed(Operation op, Map<String, String> headers, byte[] body) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        String token = token(op);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        if (all.containsKey("X-Signature")) {
            // signed over "timestamp.body", whatever the timestamp (a hostile one is refused for its value, not its
            // signature)
            String signedAt = all.get(SIGNED_AT);
            if (NOW.equals(signedAt)) {
                signedAt = String.valueOf(java.time.Instant.now().getEpochSecond());
                all.put(SIGNED_AT, signedAt);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(stack.genericPushSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(((signedAt == null ? "" : signedAt) + ".").getBytes(StandardCharsets.UTF_8));
            all.put(
                    "X-Signature",
                    "sha256=" + HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0] : body)));
        }
        return all;
    }

    private Map<String, String> fresh(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.replaceAll((name, v) -> name.equalsIgnoreCase("Idempotency-Key") ? uuid() : v);
        return copy;
    }

    /** A role from the operation's security requirement: the first one that is not agent (agent tokens need an agent id), else agent. */
    private static String token(Operation op) {
        JsonNode security = op.op().path("security");
        if (!security.isArray() || security.isEmpty()) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        security.path(0).path("bearer").forEach(r -> roles.add(r.asText()));
        String role = roles.stream()
                .filter(r -> !r.equals("agent"))
                .findFirst()
                .orElse(roles.isEmpty() ? "manager" : roles.get(0));
        return role.equals("agent")
                ? TestTokens.agent(
                        SHOP, UUID.nameUUIDFromBytes("fuzz-agent".getBytes(StandardCharsets.UTF_8)), "REVIEW_RECOVERY")
                : TestTokens.token(SHOP, "fuzz-" + role, Set.of(role));
    }

    private String url(Operation op, Map<String, String> pathValues, Map<String, String> queryValues) {
        String path = op.path();
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            path = path.replace(
                    "{" + p.getKey() + "}",
                    URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        StringBuilder url = new StringBuilder(op.baseUrl()).append(path);
        String sep = "?";
        for (Map.Entry<String, String> q : queryValues.entrySet()) {
            url.append(sep)
                    .append(URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        return url.toString();
    }

    private static byte[] bytes(String contentType, JsonNode body) throws Exception {
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded") && body.isObject()) {
            StringBuilder form = new StringBuilder();
            body.fields()
                    .forEachRemaining(f -> form.append(form.isEmpty() ? "" : "&")
                            .append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8))
                            .append('=')
                            .append(URLEncoder.encode(
                                    f.getValue().isTextual()
                                            ? f.getValue().asText()
                                            : f.getValue().toString(),
                                    StandardCharsets.UTF_8)));
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        return JSON.writeValueAsBytes(body);
    }

    private List<String> hostileScalars(boolean huge) {
        List<String> values = new ArrayList<>(
                List.of("not-a-uuid", LONG, "😀🎉", "مرحبا\u202E", "纯棉T恤", "a\u0000b", "-1", "99999999999999999999"));
        values.addAll(INJECTION);
        if (huge) {
            values.add(HUGE);
        }
        return values;
    }

    private String validParam(Operation op, JsonNode p) {
        if (p.has("example")) {
            return p.get("example").asText();
        }
        JsonNode schema = resolve(op.doc(), p.path("schema"));
        if (p.path("name").asText().equals("shopId")) {
            return SHOP;
        }
        JsonNode generated = generate(op.doc(), schema, 0);
        return generated.isTextual() ? generated.asText() : generated.toString();
    }

    private void withShop(JsonNode body) {
        if (body != null && body.isObject() && body.has("shopId")) {
            ((ObjectNode) body).put("shopId", SHOP);
        }
    }

    /**
     * A documented example's date-times are of the day it was written, which on the clock under test
     * (a random day in deploy/test) may be in the future: a valid body is dated {@link #VALID_DATE_TIME}.
     */
    private static void redate(JsonNode doc, JsonNode value, JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(doc, schemaOrRef);
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && schema.path(combinator).size() > 0) {
                schema = resolve(doc, schema.path(combinator).get(0));
            }
        }
        if (value == null || depth > 4) {
            return;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                redate(doc, item, schema.path("items"), depth + 1);
            }
        } else if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> properties =
                    schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode field = value.get(property.getKey());
                if (field != null
                        && field.isTextual()
                        && resolve(doc, property.getValue())
                                .path("format")
                                .asText()
                                .equals("date-time")) {
                    ((ObjectNode) value).put(property.getKey(), VALID_DATE_TIME);
                } else {
                    redate(doc, field, property.getValue(), depth + 1);
                }
            }
        }
    }

    /** A value that satisfies the schema as far as this generator reads schemas (examples, enums, formats, bounds). */
    private JsonNode generate(JsonNode doc, JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(doc, schemaOrRef);
        if (schema.has("example")) {
            return schema.get("example").deepCopy();
        }
        if (schema.path("examples").isArray() && schema.path("examples").size() > 0) {
            return schema.path("examples").get(0).deepCopy();
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && schema.path(combinator).size() > 0) {
                return generate(doc, schema.path(combinator).get(0), depth);
            }
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        switch (typeOf(schema)) {
            case "string" -> {
                return NODES.textNode(
                        switch (schema.path("format").asText("")) {
                            case "uuid" -> uuid();
                            case "date-time" -> VALID_DATE_TIME;
                            case "date" ->
                                TestClock.today(TestClock.SHANGHAI).minusDays(1).toString();
                            case "int64", "int32" -> "1";
                            default -> "fuzz-" + (1000 + random.nextInt(9000));
                        });
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(1);
                return NODES.numberNode(Math.max(min, 1));
            }
            case "number" -> {
                return NODES.numberNode(Math.max(schema.path("minimum").asDouble(1), 1));
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(generate(doc, schema.path("items"), depth + 1));
                }
                return array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(f -> object.set(f.getKey(), generate(doc, f.getValue(), depth + 1)));
                }
                return object;
            }
        }
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current == null ? NODES.missingNode() : current;
    }

    private String uuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return UUID.nameUUIDFromBytes(bytes).toString();
    }

    private static String shorten(String s) {
        String flat = s.replace("\u0000", "\\0").replace("\n", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "…(" + flat.length() + " chars)" : flat;
    }

    // ---------------------------------------------------------------------------------------------

    private final Map<String, String> snapshotSql = new TreeMap<>();
    private static final Map<String, Connection> CONNECTIONS = new TreeMap<>();

    /** table -> "rows/newest writing transaction" for every compared table of the service's database. */
    private Map<String, String> snapshot(String service) throws SQLException {
        Connection c = CONNECTIONS.get(service);
        if (c == null) {
            c = stack.database(service);
            CONNECTIONS.put(service, c);
        }
        {
            String sql = snapshotSql.get(service);
            if (sql == null) {
                List<String> tables = new ArrayList<>();
                try (var rs = c.createStatement()
                        .executeQuery("SELECT table_name FROM information_schema.tables "
                                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                    while (rs.next()) {
                        if (!NOT_COMPARED.contains(rs.getString(1))) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
                sql = String.join(
                        " UNION ALL ",
                        tables.stream()
                                .map(t -> "SELECT '" + t
                                        + "', count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM \"" + t
                                        + "\"")
                                .toList());
                snapshotSql.put(service, sql);
            }
            Map<String, String> counts = new TreeMap<>();
            try (var rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getString(2));
                }
            }
            return counts;
        }
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        StringBuilder diff = new StringBuilder();
        after.forEach((table, value) -> {
            if (!value.equals(before.get(table))) {
                diff.append(table)
                        .append(' ')
                        .append(before.get(table))
                        .append("->")
                        .append(value)
                        .append(' ');
            }
        });
        return diff.toString().trim();
    }
}
