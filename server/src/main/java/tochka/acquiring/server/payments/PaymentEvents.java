package tochka.acquiring.server.payments;

import org.jdbi.v3.core.Handle;

/**
 * What else happens when a payment is paid (AUTHORIZED or APPROVED): the webhooks. {@link #paid} runs inside the
 * transaction of the state change, so an event is stored exactly when the change is; {@link #committed} runs after
 * the commit, to deliver at once.
 */
public interface PaymentEvents {

    void paid(Handle handle, Payment payment);

    void committed();

    /** No events: for offline tools. */
    PaymentEvents NONE = new PaymentEvents() {
        @Override
        public void paid(Handle handle, Payment payment) {}

        @Override
        public void committed() {}
    };
}
