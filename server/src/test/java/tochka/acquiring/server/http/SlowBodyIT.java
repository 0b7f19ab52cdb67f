package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tochka.acquiring.server.testing.PageClient;
import tochka.acquiring.server.testing.RawHttp;
import tochka.acquiring.testkit.ServerExtension;
import tochka.acquiring.testkit.TestServer;

/**
 * The slow-body attack: hundreds of connections each sending a POST body a byte at a time, to the sandbox's payment
 * create (with the public sandbox token) and to the card form (with a buyer's cookie). It once took every worker
 * thread and {@code /health} with them. Now bodies are read without a thread: health and a normal payment answer
 * within a second throughout, and every trickler is answered 408 once the body deadline passes.
 */
class SlowBodyIT {

    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    private static final int ATTACKERS = 300;
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String SANDBOX_CREATE = """
            POST /sandbox/v2/acquiring/v1.0/payments HTTP/1.1\r
            Host: x\r
            Authorization: Bearer sandbox.jwt.token\r
            Content-Type: application/json\r
            """;

    private final TestServer server = running.get();

    @Test
    void bodies_sent_a_byte_at_a_time_hold_no_thread_and_are_cut_off_at_the_deadline() throws Exception {
        String operationId = server.api()
                .post("/acquiring/v1.0/payments", payment())
                .expectStatus(200)
                .data()
                .get("operationId")
                .asText();
        PageClient buyer = new PageClient(server.info().publicUrl());
        buyer.get("/order/card?uuid=" + operationId).expectStatus(200);

        List<Socket> attackers = new ArrayList<>();
        try {
            long attackStart = System.nanoTime();
            for (int i = 0; i < ATTACKERS; i++) {
                String head = i % 2 == 0
                        ? SANDBOX_CREATE
                        : "POST /order/card?uuid=" + operationId + " HTTP/1.1\r\nHost: x\r\nCookie: "
                                + buyer.cookieHeader() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n";
                Socket socket = new Socket();
                socket.connect(
                        new InetSocketAddress(
                                java.net.InetAddress.getLoopbackAddress(),
                                server.info().port()),
                        5000);
                socket.setSoTimeout(30_000);
                socket.getOutputStream()
                        .write((head + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
                attackers.add(socket);
            }

            // While every attacker keeps sending a byte now and then, the server answers others at once.
            long worst = 0;
            int probes = 0;
            while (System.nanoTime() - attackStart < Duration.ofSeconds(4).toNanos()) {
                for (Socket socket : attackers) trickle(socket);
                worst = Math.max(worst, timed(server.info().publicUrl() + "/health", null));
                worst = Math.max(worst, timed(server.info().apiUrl() + "/acquiring/v1.0/payments", payment()));
                probes++;
            }
            System.out.printf(
                    "%d trickling bodies: %d probes of /health and a payment create, slowest %d ms%n",
                    ATTACKERS, probes, worst);
            assertThat(Duration.ofMillis(worst)).isLessThan(WITHIN);

            // Past the deadline each attacker is answered and cut off, though it was still sending.
            RawHttp.Answer api = RawHttp.read(attackers.get(0).getInputStream());
            RawHttp.Answer page = RawHttp.read(attackers.get(1).getInputStream());
            System.out.printf(
                    "attackers answered %d and %d after %d ms%n",
                    api.status(), page.status(), (System.nanoTime() - attackStart) / 1_000_000);
            assertThat(api.status()).isEqualTo(408);
            assertThat(api.header("Content-Type")).startsWith("application/json");
            assertThat(api.text()).contains("\"code\":\"408\"").contains("not received within");
            assertThat(page.status()).isEqualTo(408);
        } finally {
            for (Socket socket : attackers) socket.close();
        }
        assertThat(timed(server.info().publicUrl() + "/health", null)).isLessThan(WITHIN.toMillis());
    }

    private static void trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException e) {
            // Answered and closed by the server already: that is the point.
        }
    }

    private String payment() {
        return """
                {"Data": {"customerCode": "%s", "amount": 10, "purpose": "p", "paymentMode": ["card"]}}
                """.formatted(server.info().customerCode());
    }

    /** Milliseconds to a 200 from {@code url} (a GET, or a POST of {@code body} with the demo key). */
    private long timed(String url, @org.jspecify.annotations.Nullable String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (body != null) {
            request.header("Authorization", "Bearer " + server.info().demoToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode())
                .as("%s answered %s", url, response.body())
                .isEqualTo(200);
        return millis;
    }
}
