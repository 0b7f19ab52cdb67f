package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tochka.acquiring.api.AcquiringPaymentMode;

/**
 * A server whose certificate chains to a root the JDK doesn't know, as the bank's does to the Russian Trusted Root CA:
 * refused by default, trusted once the root's file is added. The certificate is made by the JDK's keytool.
 */
class TrustedCertificatesTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static Path certificate;

    @BeforeAll
    static void start_a_server_with_an_unknown_root() throws Exception {
        Path keys = dir.resolve("server.p12");
        certificate = dir.resolve("root.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keys.toString(),
                "-storepass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "server",
                "-keystore",
                keys.toString(),
                "-storepass",
                "changeit",
                "-file",
                certificate.toString());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/uapi/open-banking/v1.0/customers", exchange -> {
            byte[] body = "{\"Data\": {\"Customer\": []}, \"Links\": {\"self\": \"x\"}, \"Meta\": {\"totalPages\": 1}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void a_server_chained_to_an_unknown_root_is_refused_by_default() {
        TochkaClient client = client().retryPolicy(RetryPolicy.NONE).build();

        assertThatThrownBy(() -> client.customers().list())
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("PKIX path building failed")
                .hasMessageContaining("Russian Trusted Root CA");
    }

    @Test
    void a_payment_link_refused_by_tls_is_not_retried_nor_looked_up_and_names_the_truststore() {
        // Nothing reached the bank: no retry, no lookup, and no "outcome unknown".
        List<CallEvent> calls = new CopyOnWriteArrayList<>();
        TochkaClient client =
                client().customerCode("300000092").listener(calls::add).build();

        assertThatThrownBy(() -> client.payments()
                        .create(PaymentLinkRequest.builder()
                                .amount("10.00")
                                .purpose("Order 1")
                                .paymentModes(AcquiringPaymentMode.CARD)
                                .build()))
                .isInstanceOfSatisfying(NetworkException.class, e -> {
                    assertThat(e).isNotInstanceOf(OutcomeUnknownException.class);
                    assertThat(e.mayHaveArrived()).isFalse();
                    assertThat(e.getMessage()).contains("truststore");
                });
        assertThat(calls)
                .singleElement()
                .satisfies(call -> assertThat(call.attempts()).isEqualTo(1));
    }

    @Test
    void the_root_added_from_its_file_is_trusted_beside_the_jdk_roots() {
        TochkaClient client =
                client().sslContext(TrustedCertificates.withExtra(certificate)).build();

        assertThat(client.customers().list()).isEmpty();
    }

    @Test
    void a_file_without_a_certificate_is_refused_by_name() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate");

        assertThatThrownBy(() -> TrustedCertificates.withExtra(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty.pem");
    }

    private static TochkaClient.Builder client() {
        return TochkaClient.builder()
                .baseUrl("https://localhost:" + server.getAddress().getPort() + "/uapi")
                .token("test.jwt.token");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(Stream.concat(Stream.of(keytool.toString()), Stream.of(args))
                        .toList())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
