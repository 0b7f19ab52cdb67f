package tochka.acquiring.spring.app;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tochka.acquiring.client.webhook.PaymentEvent;
import tochka.acquiring.client.webhook.WebhookEvent;

/** A merchant's application as small as it gets: the starter's endpoint and two listeners of its events. */
@SpringBootApplication
public class WebhookTestApplication {

    /** The operation whose payment the listener refuses, as a failing database would. */
    public static final String FAILING_OPERATION = "listener-fails";

    /** Hears the typed events as a merchant would, and every event as an auditor would. */
    @Component
    public static class Listeners {
        /** What {@link #on(PaymentEvent)} heard. */
        public final BlockingQueue<PaymentEvent> payments = new LinkedBlockingQueue<>();

        /** What {@link #onAny(WebhookEvent)} heard. */
        public final BlockingQueue<WebhookEvent> all = new LinkedBlockingQueue<>();

        /** A paid link. */
        @EventListener
        public void on(PaymentEvent event) {
            if (event.operationId().equals(FAILING_OPERATION)) throw new IllegalStateException("the database is down");
            payments.add(event);
        }

        /** Any verified webhook. */
        @EventListener
        public void onAny(WebhookEvent event) {
            all.add(event);
        }

        /** Forgets what was heard. */
        public void clear() {
            payments.clear();
            all.clear();
        }
    }
}
