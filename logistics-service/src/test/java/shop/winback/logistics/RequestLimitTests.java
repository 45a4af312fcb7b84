package shop.winback.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import shop.winback.testing.TestTokens;

/**
 * The platform's request limits (platform/http/RequestLimits) through a real service: a URL, headers or a declared
 * body too large are refused with problem+json like every other refusal, not with the HTTP server's bare status;
 * and what is still answered below the application (a chunked body outgrowing the limit, a bad %-escape) is
 * refused all the same, never a 500. Raw HTTP/1.1 over a socket, so that no client library reshapes the request.
 */
@QuarkusTest
class RequestLimitTests {

    @TestHTTPResource("/")
    URL server;

    record Answer(int status, String head, String body) {}

    Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (body != null) {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the server answered and closed before taking the whole body: its answer is still there to read
                }
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer); // every request says Connection: close
            String text = answer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            return new Answer(
                    Integer.parseInt(text.substring(9, 12)), text.substring(0, split), text.substring(split + 4));
        }
    }

    static String get(String target, String extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.supervisor(TestData.uniqueShop()) + "\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    }

    static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.head() + "\n\n" + answer.body()).isEqualTo(status);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"" + type + "\"").contains("\"status\":" + status);
    }

    @Test
    void aUrlLongerThanTheApiTakesIs414ProblemJson() throws IOException {
        Answer answer = send(get("/api/v1/logistics-settings?pad=" + "x".repeat(5_000), ""), null);
        assertProblem(answer, 414, "urn:winback:problem:request-too-large");
        assertThat(answer.body()).contains("at most 4096");
    }

    @Test
    void headersLargerThanTheApiTakesAre431ProblemJson() throws IOException {
        Answer answer = send(get("/api/v1/logistics-settings", "X-Padding: " + "y".repeat(30_000) + "\r\n"), null);
        assertProblem(answer, 431, "urn:winback:problem:request-too-large");
    }

    @Test
    void aDeclaredBodyLargerThanTheLimitIs413ProblemJsonBeforeAnyOfItIsRead() throws IOException {
        String head = "POST /api/v1/shipments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.integration(TestData.uniqueShop()) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 20000000\r\nConnection: close\r\n\r\n";
        Answer answer = send(head, "{\"orderId\": ".getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 413, "urn:winback:problem:request-too-large");
    }

    @Test
    void aChunkedBodyThatOutgrowsTheLimitWhileReadIsRefused413AndTheConnectionClosed() throws IOException {
        String head = "POST /api/v1/shipments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.integration(TestData.uniqueShop()) + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] start = "{\"orderId\": \"".getBytes(StandardCharsets.UTF_8); // a JSON document that goes on and on
        chunks.writeBytes((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
        chunks.writeBytes(start);
        chunks.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] chunk = "z".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 12; i++) {
            chunks.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
            chunks.writeBytes(chunk);
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        Answer answer = send(head, chunks.toByteArray());
        // the REST layer's reader answers this one itself, without a body (a known gap, README)
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.head().toLowerCase()).contains("connection: close");
    }

    @Test
    void aPathWithAMalformedPercentEscapeIs400() throws IOException {
        // refused by the HTTP server before any application code, without a body (a known gap, README)
        assertThat(send(get("/api/v1/shipments/%zz", ""), null).status()).isEqualTo(400);
    }
}
