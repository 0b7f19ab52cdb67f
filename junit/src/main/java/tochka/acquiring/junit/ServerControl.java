package tochka.acquiring.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import tochka.acquiring.api.PaymentType;
import tochka.acquiring.testkit.Control;

/**
 * What the buyer and time do to the test server's payment links: pay, decline or authorize one, and move the
 * server's clock. Each call fails the test (an {@link AssertionError} naming the server's answer) unless the server
 * accepts it, e.g. paying a link that is already paid.
 */
public final class ServerControl {

    private final Control control;

    ServerControl(Control control) {
        this.control = control;
    }

    /** The buyer pays {@code operationId} by card, approved: {@code APPROVED} ({@code AUTHORIZED} if two-stage). */
    public void pay(String operationId) {
        control.pay(Objects.requireNonNull(operationId, "operationId"));
    }

    /** The buyer pays {@code operationId} approved with {@code paymentType}, one of the link's payment modes. */
    public void pay(String operationId, PaymentType paymentType) {
        Objects.requireNonNull(operationId, "operationId");
        control.pay(
                operationId, Objects.requireNonNull(paymentType, "paymentType").value());
    }

    /** The buyer's card is declined on {@code operationId}: the attempt fails and the link stays payable. */
    public void decline(String operationId) {
        control.decline(Objects.requireNonNull(operationId, "operationId"));
    }

    /**
     * The buyer's card is authorized on a two-stage ({@code preAuthorization}) link without the money being taken:
     * {@code AUTHORIZED}, which the merchant then captures.
     */
    public void authorize(String operationId) {
        control.authorize(Objects.requireNonNull(operationId, "operationId"));
    }

    /**
     * Moves the server's clock forward by {@code by}, whole minutes of at least one: links whose time ran out expire,
     * and a day's payments join its registry once the day is over. Returns the server's time after the move.
     */
    public Instant advanceClock(Duration by) {
        return control.advanceClock(Objects.requireNonNull(by, "by"));
    }
}
