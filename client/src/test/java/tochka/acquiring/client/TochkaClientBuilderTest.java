package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tochka.acquiring.api.AcquiringPaymentMode;

/** What the builders take, what they make of it, and what they refuse at once. */
class TochkaClientBuilderTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private static TochkaClient.Builder withToken() {
        return TochkaClient.builder().token("a.jwt.token");
    }

    @Test
    void production_is_the_bank_s_api() {
        TochkaClient client = withToken().production().build();

        assertThat(client.baseUrl()).isEqualTo(URI.create("https://enter.tochka.com/uapi/"));
        assertThat(client.webhookKeyUrl())
                .isEqualTo(URI.create("https://enter.tochka.com/doc/openapi/static/keys/public"));
    }

    @Test
    void sandbox_is_the_bank_s_sandbox_with_its_token() throws Exception {
        TochkaClient sandbox = TochkaClient.builder().sandbox().build();
        assertThat(sandbox.baseUrl()).isEqualTo(URI.create("https://enter.tochka.com/sandbox/v2/"));

        // The token goes with the preset: seen on a request to a server that stands in for the sandbox.
        server.enqueue(Bank.ok(Bank.operations(1, Bank.payment("op-1", "l", "CREATED", ""))));
        TochkaClient client = TochkaClient.builder()
                .sandbox()
                .baseUrl(server.url("/sandbox/v2").toString())
                .build();
        client.payments().get("op-1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sandbox.jwt.token");
    }

    @Test
    void a_base_url_gets_one_trailing_slash_and_keeps_its_path() {
        assertThat(withToken().baseUrl("http://localhost:8080/uapi").build().baseUrl())
                .isEqualTo(URI.create("http://localhost:8080/uapi/"));
        assertThat(withToken().baseUrl("http://localhost:8080/uapi/").build().baseUrl())
                .isEqualTo(URI.create("http://localhost:8080/uapi/"));
        assertThat(withToken().baseUrl("https://example.com/sandbox/v2").build().baseUrl())
                .isEqualTo(URI.create("https://example.com/sandbox/v2/"));
    }

    @Test
    void calls_go_under_the_base_url_s_path() throws Exception {
        server.enqueue(Bank.ok(Bank.operations(1, Bank.payment("op-1", "l", "CREATED", ""))));
        TochkaClient client = Bank.client(server).build();

        client.payments().get("op-1");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/uapi/acquiring/v1.0/payments/op-1");
    }

    @Test
    void the_webhook_key_of_our_server_is_at_its_root() {
        assertThat(withToken().baseUrl("http://localhost:8080/uapi").build().webhookKeyUrl())
                .isEqualTo(URI.create("http://localhost:8080/doc/openapi/static/keys/public"));
    }

    @Test
    void the_webhook_key_of_a_server_under_a_prefix_is_beside_its_api() {
        assertThat(withToken()
                        .baseUrl("https://pay.example/tochka/sandbox/v2")
                        .build()
                        .webhookKeyUrl())
                .isEqualTo(URI.create("https://pay.example/tochka/doc/openapi/static/keys/public"));
    }

    @Test
    void a_base_url_with_a_password_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withToken().baseUrl("https://user:secret@pay.example/uapi"))
                .withMessageContaining("user or password");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://enter.tochka.com/uapi",
                "enter.tochka.com/uapi",
                "/uapi",
                "https://enter.tochka.com/uapi?x=1",
                "https://enter.tochka.com/uapi#top"
            })
    void a_base_url_that_is_not_plain_http_or_https_is_refused(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TochkaClient.builder().baseUrl(url));
    }

    @Test
    void a_client_without_a_token_or_base_url_is_refused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TochkaClient.builder().production().build())
                .withMessageContaining("token");
        assertThatIllegalStateException().isThrownBy(() -> withToken().build()).withMessageContaining("base URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a token", "token\n", "токен"})
    void a_token_that_cannot_be_a_header_is_refused(String token) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TochkaClient.builder().token(token));
    }

    @Test
    void timeouts_must_be_positive_and_finite() {
        for (UnaryOperator<TochkaClient.Builder> setting : java.util.List.<UnaryOperator<TochkaClient.Builder>>of(
                b -> b.connectTimeout(Duration.ZERO),
                b -> b.requestTimeout(Duration.ofSeconds(-1)),
                b -> b.callTimeout(Duration.ofDays(2)),
                b -> b.connectTimeout(Duration.ofHours(1).plusNanos(1)))) {
            assertThatIllegalArgumentException().isThrownBy(() -> setting.apply(withToken()));
        }
    }

    @Test
    void a_call_timeout_shorter_than_one_try_is_refused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> withToken()
                        .production()
                        .requestTimeout(Duration.ofSeconds(30))
                        .callTimeout(Duration.ofSeconds(10))
                        .build())
                .withMessageContaining("callTimeout");
    }

    @Test
    void a_retry_policy_is_bounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(11, Duration.ZERO, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), Duration.ofSeconds(1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(2)));
    }

    @Test
    void a_fraction_of_a_kopeck_is_refused_not_rounded() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentLinkRequest.builder().amount("10.005"))
                .withMessageContaining("10.005");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentLinkRequest.builder().amount(new BigDecimal("0.001")));
        // Trailing zeros are no fraction: 10.010 is 10.01.
        assertThat(link(b -> b.amount("10.010")).amount()).isEqualTo(new BigDecimal("10.01"));
        assertThat(link(b -> b.amount("7")).amount()).isEqualTo(new BigDecimal("7.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "-0.01", "abc", "1e400", "1000000000000000"})
    void an_amount_that_is_not_a_positive_sum_is_refused(String amount) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentLinkRequest.builder().amount(amount));
    }

    @Test
    void a_link_needs_an_amount_a_purpose_and_a_way_to_pay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentLinkRequest.builder()
                        .amount("10")
                        .purpose("Order 42")
                        .build())
                .withMessageContaining("paymentModes");
        assertThatNullPointerException()
                .isThrownBy(() -> PaymentLinkRequest.builder()
                        .purpose("Order 42")
                        .paymentModes(AcquiringPaymentMode.CARD)
                        .build())
                .withMessageContaining("amount");
        assertThatNullPointerException()
                .isThrownBy(() -> PaymentLinkRequest.builder()
                        .amount("10")
                        .paymentModes(AcquiringPaymentMode.CARD)
                        .build())
                .withMessageContaining("purpose");
    }

    @Test
    void a_payment_link_id_has_1_to_45_characters() {
        assertThat(link(b -> b.paymentLinkId("x".repeat(45))).paymentLinkId()).hasSize(45);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentLinkRequest.builder().paymentLinkId("x".repeat(46)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentLinkRequest.builder().paymentLinkId(""));
    }

    @Test
    void a_refund_of_a_fraction_of_a_kopeck_or_nothing_is_refused_before_any_call() {
        TochkaClient client = Bank.client(server).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.payments().refundAsync("op-1", new BigDecimal("1.001")));
        assertThatIllegalArgumentException().isThrownBy(() -> client.payments().refundAsync("op-1", BigDecimal.ZERO));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void a_payment_query_checks_its_page_size_and_dates() {
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentQuery.all().perPage(0));
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentQuery.all().perPage(1001));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentQuery.all().between(LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 1)));
        assertThat(PaymentQuery.all()
                        .between(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1))
                        .perPage(10))
                .satisfies(query -> {
                    assertThat(query.fromDate()).isEqualTo(query.toDate());
                    assertThat(query.perPage()).isEqualTo(10);
                });
    }

    private static PaymentLinkRequest link(UnaryOperator<PaymentLinkRequest.Builder> setting) {
        return setting.apply(PaymentLinkRequest.builder()
                        .amount("10")
                        .purpose("Order 42")
                        .paymentModes(AcquiringPaymentMode.CARD))
                .build();
    }
}
