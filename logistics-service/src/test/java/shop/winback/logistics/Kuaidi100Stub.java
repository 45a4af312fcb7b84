package shop.winback.logistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for Kuaidi100's real-time query, speaking its documented protocol:
 * {@code POST /poll/query.do}, form fields customer, sign, param; the sign checked as upper-case
 * MD5(param + key + customer) (503 验证签名失败 otherwise); a parcel nobody scripted answers
 * 500 查询无结果. Tests script answers per tracking number.
 */
public final class Kuaidi100Stub {

    public static final String CUSTOMER = "DEVCUSTOMER0000000000000000000";
    public static final String KEY = "dev-key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;
    private static final Map<String, Deque<Answer>> SCRIPTS = new ConcurrentHashMap<>();
    private static final Map<String, Answer> ALWAYS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    private static final List<Map<String, String>> REQUESTS = java.util.Collections.synchronizedList(new ArrayList<>());

    /** One answer: an HTTP status and body, after a delay. */
    public record Answer(int httpStatus, String body, long delayMillis) {
        public static Answer traces(String com, String nu, String... dataItems) {
            return new Answer(200, """
                    {"message":"ok","nu":"%s","ischeck":"0","condition":"00","com":"%s","status":"200","state":"0","data":[%s]}""".formatted(nu, com, String.join(",", dataItems)), 0);
        }

        public static Answer error(String returnCode, String message) {
            return new Answer(
                    200,
                    "{\"result\":false,\"returnCode\":\"%s\",\"message\":\"%s\"}".formatted(returnCode, message),
                    0);
        }

        public static Answer http(int status) {
            return new Answer(status, "<html>busy</html>", 0);
        }

        public Answer after(long millis) {
            return new Answer(httpStatus, body, millis);
        }
    }

    /** A data item: time "yyyy-MM-dd HH:mm:ss" (China time), area, Chinese status, weight in kg or null. */
    public static String trace(String time, String area, String status, String weightKg) {
        return """
                {"time":"%s","ftime":"%s","context":"【%s】快件已到达","areaName":"%s","status":"%s"%s}""".formatted(
                        time, time, area, area, status, weightKg == null ? "" : ",\"weight\":\"" + weightKg + "\"");
    }

    private Kuaidi100Stub() {}

    static synchronized String start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool()); // a slow answer must not hold up the next request
        server.createContext("/poll/query.do", Kuaidi100Stub::handle);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers for the next queries of this tracking number, in order; after them, 500 查询无结果. */
    public static void script(String trackingNumber, Answer... answers) {
        SCRIPTS.put(trackingNumber, new ArrayDeque<>(List.of(answers)));
    }

    /** The same answer for every query of this tracking number. */
    public static void always(String trackingNumber, Answer answer) {
        ALWAYS.put(trackingNumber, answer);
    }

    public static int hits(String trackingNumber) {
        AtomicInteger n = HITS.get(trackingNumber);
        return n == null ? 0 : n.get();
    }

    /** The form fields of every request for this tracking number, oldest first. */
    public static List<Map<String, String>> requests(String trackingNumber) {
        synchronized (REQUESTS) {
            return REQUESTS.stream()
                    .filter(r -> r.getOrDefault("param", "").contains("\"" + trackingNumber + "\""))
                    .toList();
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, new Answer(405, "", 0));
                return;
            }
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            REQUESTS.add(form);
            String param = form.get("param");
            if (param == null || form.get("customer") == null || form.get("sign") == null) {
                respond(exchange, Answer.error("400", "提交的数据不完整"));
                return;
            }
            if (!CUSTOMER.equals(form.get("customer"))
                    || !md5Upper(param + KEY + CUSTOMER).equals(form.get("sign"))) {
                respond(exchange, Answer.error("503", "验证签名失败"));
                return;
            }
            JsonNode p = JSON.readTree(param);
            String num = p.path("num").asText();
            if (p.path("com").asText().isEmpty() || num.isEmpty()) {
                respond(exchange, Answer.error("400", "找不到对应公司"));
                return;
            }
            HITS.computeIfAbsent(num, k -> new AtomicInteger()).incrementAndGet();
            Answer answer = ALWAYS.get(num);
            if (answer == null) {
                Deque<Answer> script = SCRIPTS.get(num);
                answer = script == null ? null : script.poll();
            }
            respond(exchange, answer != null ? answer : Answer.error("500", "查询无结果，请隔段时间再查"));
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(
                        answer.delayMillis()); // simulates a slow courier system; the client's timeout is under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(answer.httpStatus(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static String md5Upper(String text) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
