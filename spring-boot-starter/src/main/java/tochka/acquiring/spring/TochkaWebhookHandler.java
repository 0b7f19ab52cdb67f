package tochka.acquiring.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.client.webhook.WebhookEvent;
import tochka.acquiring.client.webhook.WebhookVerificationException;
import tochka.acquiring.client.webhook.WebhookVerifier;

/**
 * Answers the bank's webhook: reads the raw body (at most {@value #MAX_BODY_BYTES} bytes), verifies its signature,
 * and publishes the typed {@link WebhookEvent} (a {@link PaymentEvent}, ...) as a Spring event, so that
 * {@code @EventListener void on(PaymentEvent event)} hears it.
 *
 * <p>The answer is 200 only after every synchronous listener has returned: a listener that throws makes it 500 and
 * the bank delivers again (it resends a webhook that did not get 200, 30 times, 10 seconds apart), so the same event
 * may come more than once and listeners must be idempotent. An {@code @Async} listener returns before it has done
 * anything: it must persist the event first, or the event is lost if it then fails. A body whose signature does not
 * verify gets 400 and is never published; 503 when the bank's key cannot be had.
 */
public final class TochkaWebhookHandler implements HandlerFunction<ServerResponse> {

    /** The largest body read: the bank's webhooks are under 2 KB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Log log = LogFactory.getLog(TochkaWebhookHandler.class);

    private final WebhookVerifier verifier;
    private final ApplicationEventPublisher publisher;

    /** A handler that verifies with {@code verifier} and publishes through {@code publisher}. */
    public TochkaWebhookHandler(WebhookVerifier verifier, ApplicationEventPublisher publisher) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws IOException {
        HttpServletRequest servlet = request.servletRequest();
        if (servlet.getContentLengthLong() > MAX_BODY_BYTES) return tooLarge();
        byte[] body;
        try (InputStream in = servlet.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) return tooLarge();
        WebhookEvent event;
        try {
            event = verifier.verify(new String(body, StandardCharsets.UTF_8));
        } catch (WebhookVerificationException e) {
            // The message names the failed check; the body is left out of the log (it is the sender's text).
            if (e.reason() == WebhookVerificationException.Reason.KEY_UNAVAILABLE) {
                log.warn("Tochka webhook not checked, answered 503 for the bank to resend: " + e.getMessage());
                return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build();
            }
            log.warn("Tochka webhook rejected (" + e.reason() + "), answered 400: " + e.getMessage());
            return ServerResponse.badRequest().build();
        }
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException e) {
            log.error(
                    "Tochka webhook " + event.webhookType() + " not handled, answered 500 for the bank to resend: a"
                            + " listener failed",
                    e);
            return ServerResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
        }
        return ServerResponse.ok().build();
    }

    private static ServerResponse tooLarge() {
        log.warn("Tochka webhook rejected, answered 413: the body is over " + MAX_BODY_BYTES + " bytes");
        return ServerResponse.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
    }
}
