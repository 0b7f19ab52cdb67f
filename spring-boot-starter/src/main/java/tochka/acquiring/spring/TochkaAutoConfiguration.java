package tochka.acquiring.spring;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tochka.acquiring.client.CallListener;
import tochka.acquiring.client.RetryPolicy;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.WebhookVerifier;

/**
 * Makes a {@link TochkaClient} and a {@link WebhookVerifier} from the {@code tochka.*} properties (each only when
 * the application has none of its own), and, with {@code tochka.webhook.enabled=true} in a Spring MVC application,
 * the webhook endpoint ({@link TochkaWebhookHandler}). {@link CallListener} beans hear the client's calls (metrics);
 * {@link TochkaClientCustomizer} beans change its builder.
 */
@AutoConfiguration
@EnableConfigurationProperties(TochkaProperties.class)
public class TochkaAutoConfiguration {

    /** The client from the properties, heard by every {@link CallListener} bean. */
    @Bean
    @ConditionalOnMissingBean
    public TochkaClient tochkaClient(
            TochkaProperties properties,
            ObjectProvider<CallListener> listeners,
            ObjectProvider<TochkaClientCustomizer> customizers) {
        TochkaClient.Builder builder = TochkaClient.builder();
        String baseUrl = properties.resolvedBaseUrl();
        property(
                "tochka.base-url",
                "a URL such as " + TochkaClient.PRODUCTION_URL + ", or production or sandbox",
                () -> builder.baseUrl(baseUrl));
        String token = properties.token();
        if (token == null || token.isBlank()) {
            if (!properties.isSandbox()) {
                throw new TochkaPropertiesException(
                        "tochka.token",
                        "no token is set for " + baseUrl,
                        "Set tochka.token to the JWT key from the bank's \"Integrations and API\" page (e.g."
                                + " tochka.token=${TOCHKA_TOKEN} in application.properties), or set"
                                + " tochka.base-url=sandbox to use the bank's sandbox, which needs none.");
            }
            token = TochkaClient.SANDBOX_TOKEN;
        }
        String key = token;
        property("tochka.token", "the JWT key as the bank gave it, on one line", () -> builder.token(key));
        String customerCode = properties.customerCode();
        if (customerCode != null && !customerCode.isBlank()) builder.customerCode(customerCode.trim());
        set("tochka.connect-timeout", properties.connectTimeout(), builder::connectTimeout);
        set("tochka.request-timeout", properties.requestTimeout(), builder::requestTimeout);
        set("tochka.call-timeout", properties.callTimeout(), builder::callTimeout);
        Integer maxAttempts = properties.maxAttempts();
        if (maxAttempts != null) {
            property(
                    "tochka.max-attempts",
                    "a number from 1 (no retries) to 10",
                    () -> builder.retryPolicy(new RetryPolicy(
                            maxAttempts, RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff())));
        }
        if (properties.logging() != null) builder.logging(properties.logging());
        List<CallListener> heard = listeners.orderedStream().toList();
        if (!heard.isEmpty()) builder.listener(heard.size() == 1 ? heard.get(0) : new CallListeners(heard));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new TochkaPropertiesException(
                    "tochka.call-timeout",
                    String.valueOf(e.getMessage()),
                    "Set tochka.call-timeout to at least tochka.request-timeout: it bounds all tries together.");
        }
    }

    /**
     * The verifier of webhook bodies: {@code tochka.webhook.public-key} if set, else the key at
     * {@code tochka.webhook.key-url}, else the bank's own (shipped, refetched from the bank) for the bank's URLs, else
     * the key that the client's server publishes.
     */
    @Bean
    @ConditionalOnMissingBean
    public WebhookVerifier tochkaWebhookVerifier(TochkaProperties properties, TochkaClient client) {
        TochkaProperties.Webhook webhook = properties.webhook();
        String publicKey = webhook.publicKey();
        if (publicKey != null && !publicKey.isBlank()) {
            try {
                return WebhookVerifier.forKey(publicKey);
            } catch (IllegalArgumentException e) {
                throw new TochkaPropertiesException(
                        "tochka.webhook.public-key",
                        String.valueOf(e.getMessage()),
                        "Set it to an RSA public key of at least 2048 bits as a JWK, or leave it out.");
            }
        }
        URI keyUrl = webhook.keyUrl();
        if (keyUrl != null) {
            try {
                return WebhookVerifier.forKeyUrl(keyUrl);
            } catch (IllegalArgumentException e) {
                throw new TochkaPropertiesException(
                        "tochka.webhook.key-url",
                        String.valueOf(e.getMessage()),
                        "Set it to the http(s) URL the key is published at, or leave it out.");
            }
        }
        URI published = client.webhookKeyUrl();
        // The bank's production and sandbox URLs share one key: the shipped one needs no network to start with.
        return published.equals(WebhookVerifier.BANK_KEY_URL)
                ? WebhookVerifier.production()
                : WebhookVerifier.forKeyUrl(published);
    }

    /** The webhook endpoint, only when asked for and only in a servlet application with Spring MVC. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(RouterFunction.class)
    @ConditionalOnProperty(prefix = "tochka.webhook", name = "enabled", havingValue = "true")
    static class WebhookEndpointConfiguration {

        /** {@code POST <tochka.webhook.path>}, answered by {@link TochkaWebhookHandler}. */
        @Bean
        @ConditionalOnMissingBean
        public TochkaWebhookHandler tochkaWebhookHandler(
                WebhookVerifier verifier, ApplicationEventPublisher publisher) {
            return new TochkaWebhookHandler(verifier, publisher);
        }

        /** The route to the handler at {@code tochka.webhook.path}. */
        @Bean
        public RouterFunction<ServerResponse> tochkaWebhookRoute(
                TochkaProperties properties, TochkaWebhookHandler handler) {
            return RouterFunctions.route()
                    .POST(properties.webhook().path(), handler)
                    .build();
        }
    }

    private static void property(String name, String expected, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw new TochkaPropertiesException(
                    name, String.valueOf(e.getMessage()), "Set " + name + " to " + expected + ".");
        }
    }

    private static void set(String name, @Nullable Duration value, Consumer<Duration> apply) {
        if (value != null) {
            property(name, "a positive duration of at most an hour, such as 10s or 500ms", () -> apply.accept(value));
        }
    }
}
