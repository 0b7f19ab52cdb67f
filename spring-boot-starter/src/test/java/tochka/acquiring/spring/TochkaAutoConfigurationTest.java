package tochka.acquiring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tochka.acquiring.client.CallEvent;
import tochka.acquiring.client.CallListener;
import tochka.acquiring.client.NotFoundException;
import tochka.acquiring.client.RequestLogging;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.client.webhook.WebhookEvent;
import tochka.acquiring.client.webhook.WebhookSigner;
import tochka.acquiring.client.webhook.WebhookVerificationException;
import tochka.acquiring.client.webhook.WebhookVerifier;

class TochkaAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TochkaAutoConfiguration.class));

    /** A stand-in for the bank on loopback: every request gets the bank's 404 error body. */
    private static HttpServer bank;

    @BeforeAll
    static void start_bank() throws IOException {
        bank = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bank.createContext("/", exchange -> {
            byte[] body = ("{\"code\":\"404\",\"id\":\"0f0e\",\"message\":\"Not Found\",\"Errors\":[{\"errorCode\":"
                            + "\"NotFound\",\"message\":\"no such thing\",\"url\":\"\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        bank.start();
    }

    @AfterAll
    static void stop_bank() {
        bank.stop(0);
    }

    private static String bankUrl() {
        return "http://127.0.0.1:" + bank.getAddress().getPort() + "/uapi";
    }

    @Test
    void binds_every_property_with_durations_in_any_spelling() {
        runner.withPropertyValues(
                        "tochka.base-url=http://localhost:8080/uapi",
                        "tochka.token=test-token",
                        "tochka.customer-code=300000092",
                        "tochka.connect-timeout=2s",
                        "tochka.request-timeout=1500ms",
                        "tochka.call-timeout=PT1M",
                        "tochka.max-attempts=5",
                        "tochka.logging=basic",
                        "tochka.webhook.enabled=true",
                        "tochka.webhook.path=/hooks/tochka",
                        "tochka.webhook.key-url=http://localhost:8080/doc/openapi/static/keys/public")
                .run(context -> {
                    TochkaProperties properties = context.getBean(TochkaProperties.class);
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(properties.callTimeout()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(properties.maxAttempts()).isEqualTo(5);
                    assertThat(properties.logging()).isEqualTo(RequestLogging.BASIC);
                    assertThat(properties.webhook().enabled()).isTrue();
                    assertThat(properties.webhook().path()).isEqualTo("/hooks/tochka");
                    assertThat(properties.webhook().keyUrl())
                            .isEqualTo(URI.create("http://localhost:8080/doc/openapi/static/keys/public"));
                    TochkaClient client = context.getBean(TochkaClient.class);
                    assertThat(client.baseUrl()).isEqualTo(URI.create("http://localhost:8080/uapi/"));
                    assertThat(client.customerCode()).isEqualTo("300000092");
                });
    }

    @Test
    void the_defaults_are_the_production_bank_with_the_endpoint_off() {
        runner.withPropertyValues("tochka.token=test-token").run(context -> {
            TochkaProperties properties = context.getBean(TochkaProperties.class);
            assertThat(properties.baseUrl()).isEqualTo(TochkaClient.PRODUCTION_URL);
            assertThat(properties.webhook().enabled()).isFalse();
            assertThat(properties.webhook().path()).isEqualTo("/tochka/webhook");
            assertThat(context.getBean(TochkaClient.class).baseUrl())
                    .isEqualTo(URI.create(TochkaClient.PRODUCTION_URL + "/"));
            assertThat(context).doesNotHaveBean(TochkaWebhookHandler.class);
        });
    }

    @Test
    void the_word_production_stands_for_the_bank_in_any_case() {
        runner.withPropertyValues("tochka.base-url=Production", "tochka.token=test-token")
                .run(context -> assertThat(context.getBean(TochkaClient.class).baseUrl())
                        .isEqualTo(URI.create(TochkaClient.PRODUCTION_URL + "/")));
    }

    @Test
    void the_word_sandbox_stands_for_the_banks_sandbox_which_needs_no_token() {
        runner.withPropertyValues("tochka.base-url=sandbox").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TochkaClient.class).baseUrl())
                    .isEqualTo(URI.create(TochkaClient.SANDBOX_URL + "/"));
        });
    }

    @Test
    void a_missing_token_fails_the_start_naming_the_property_and_the_fix() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(TochkaPropertiesException.class);
            assertThat(failure.getMessage())
                    .contains("tochka.token: no token is set for " + TochkaClient.PRODUCTION_URL);
            FailureAnalysis analysis = new TochkaPropertiesFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).startsWith("tochka.token: no token is set");
            assertThat(analysis.getAction()).contains("Set tochka.token", "tochka.base-url=sandbox");
        });
    }

    @Test
    void a_blank_token_is_a_missing_token() {
        runner.withPropertyValues("tochka.token=  ")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(TochkaPropertiesException.class)
                        .hasMessageContaining("tochka.token"));
    }

    @Test
    void a_wrong_value_fails_the_start_naming_its_property() {
        runner.withPropertyValues("tochka.token=test-token", "tochka.connect-timeout=2h")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(TochkaPropertiesException.class)
                        .hasMessageStartingWith("tochka.connect-timeout: connectTimeout must be positive"));
        runner.withPropertyValues("tochka.token=test-token", "tochka.base-url=enter.tochka.com")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(TochkaPropertiesException.class)
                        .hasMessageStartingWith("tochka.base-url:"));
        runner.withPropertyValues("tochka.token=test-token", "tochka.max-attempts=0")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageStartingWith("tochka.max-attempts: maxAttempts must be 1 to 10"));
        runner.withPropertyValues("tochka.token=test-token", "tochka.request-timeout=2m", "tochka.call-timeout=1m")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageStartingWith("tochka.call-timeout:"));
    }

    @Test
    void the_applications_own_client_wins_and_needs_no_token_property() {
        runner.withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(TochkaClient.class);
            assertThat(context.getBean(TochkaClient.class).customerCode()).isEqualTo("own");
        });
    }

    @Test
    void a_call_listener_bean_hears_the_clients_calls() {
        runner.withUserConfiguration(RecordingListeners.class)
                .withPropertyValues("tochka.base-url=" + bankUrl(), "tochka.token=test-token", "tochka.max-attempts=1")
                .run(context -> {
                    TochkaClient client = context.getBean(TochkaClient.class);
                    assertThatThrownBy(() -> client.consents().get("nope")).isInstanceOf(NotFoundException.class);
                    RecordingListeners listeners = context.getBean(RecordingListeners.class);
                    assertThat(listeners.first).singleElement().satisfies(event -> {
                        assertThat(event.httpStatus()).isEqualTo(404);
                        assertThat(event.succeeded()).isFalse();
                    });
                    assertThat(listeners.second).hasSize(1);
                });
    }

    @Test
    void a_customizer_bean_changes_the_builder_after_the_properties() {
        runner.withUserConfiguration(Customizer.class)
                .withPropertyValues("tochka.token=test-token", "tochka.customer-code=300000092")
                .run(context -> assertThat(context.getBean(TochkaClient.class).customerCode())
                        .isEqualTo("customized"));
    }

    @Test
    void the_verifier_of_the_bank_starts_from_the_shipped_key() {
        runner.withPropertyValues("tochka.token=test-token")
                .run(context -> assertThat(
                                context.getBean(WebhookVerifier.class).toString())
                        .isEqualTo(WebhookVerifier.production().toString()));
        runner.withPropertyValues("tochka.base-url=sandbox")
                .run(context -> assertThat(
                                context.getBean(WebhookVerifier.class).toString())
                        .isEqualTo(WebhookVerifier.production().toString()));
    }

    @Test
    void the_verifier_of_another_server_fetches_the_key_that_server_publishes() {
        runner.withPropertyValues("tochka.base-url=http://localhost:8080/uapi", "tochka.token=test-token")
                .run(context -> assertThat(
                                context.getBean(WebhookVerifier.class).toString())
                        .contains("http://localhost:8080/doc/openapi/static/keys/public"));
        runner.withPropertyValues("tochka.token=test-token", "tochka.webhook.key-url=http://keys.test/public")
                .run(context -> assertThat(
                                context.getBean(WebhookVerifier.class).toString())
                        .contains("http://keys.test/public"));
    }

    @Test
    void a_fixed_public_key_verifies_its_signers_webhooks_only() {
        WebhookSigner signer = WebhookSigner.generate();
        runner.withPropertyValues("tochka.token=test-token", "tochka.webhook.public-key=" + signer.publicJwk())
                .run(context -> {
                    WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
                    WebhookEvent event =
                            verifier.verify(signer.sign(PaymentEvent.approved("op-1", new BigDecimal("10.50"))));
                    assertThat(((PaymentEvent) event).amount()).isEqualTo(new BigDecimal("10.50"));
                    String forged = WebhookSigner.generate().sign(PaymentEvent.approved("op-1", BigDecimal.TEN));
                    assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(WebhookVerificationException.class);
                });
    }

    @Test
    void a_public_key_that_is_no_key_fails_the_start_naming_the_property() {
        runner.withPropertyValues("tochka.token=test-token", "tochka.webhook.public-key={\"kty\":\"oct\"}")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageStartingWith("tochka.webhook.public-key:"));
    }

    @Test
    void a_key_url_that_is_no_http_url_fails_the_start_naming_the_property() {
        runner.withPropertyValues("tochka.token=test-token", "tochka.webhook.key-url=file:///etc/key.json")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageStartingWith("tochka.webhook.key-url:"));
    }

    @Test
    void the_properties_never_show_the_token() {
        runner.withPropertyValues("tochka.token=secret-jwt-key")
                .run(context -> assertThat(
                                context.getBean(TochkaProperties.class).toString())
                        .contains("token=******")
                        .doesNotContain("secret-jwt-key"));
    }

    @Test
    void the_applications_own_verifier_wins() {
        WebhookSigner signer = WebhookSigner.generate();
        runner.withBean(WebhookVerifier.class, signer::verifier)
                .withPropertyValues("tochka.token=test-token")
                .run(context -> assertThat(
                                context.getBean(WebhookVerifier.class).toString())
                        .isEqualTo(signer.verifier().toString()));
    }

    @Test
    void the_endpoint_is_there_only_when_enabled_in_a_servlet_application() {
        WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TochkaAutoConfiguration.class))
                .withPropertyValues("tochka.token=test-token");
        web.run(context -> assertThat(context).doesNotHaveBean(TochkaWebhookHandler.class));
        web.withPropertyValues("tochka.webhook.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(TochkaWebhookHandler.class));
        runner.withPropertyValues("tochka.token=test-token", "tochka.webhook.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(TochkaWebhookHandler.class));
    }

    @Test
    void a_webhook_path_must_be_a_path() {
        runner.withPropertyValues("tochka.token=test-token", "tochka.webhook.path=tochka/webhook")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("tochka.webhook.path must start with /"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        TochkaClient ownClient() {
            return TochkaClient.builder().sandbox().customerCode("own").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingListeners {
        final List<CallEvent> first = new CopyOnWriteArrayList<>();
        final List<CallEvent> second = new CopyOnWriteArrayList<>();

        @Bean
        CallListener firstListener() {
            return first::add;
        }

        @Bean
        CallListener secondListener() {
            return second::add;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizer {
        @Bean
        TochkaClientCustomizer customerCodeCustomizer() {
            return builder -> builder.customerCode("customized");
        }
    }
}
