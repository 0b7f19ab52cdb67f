package tochka.acquiring.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What a buyer and time would do, played through the server's control API ({@code /control/v1}) with the admin
 * token, over HTTP as any client would: pay, decline or authorize a payment link, and move the server's clock.
 * Each method fails (an {@link AssertionError} naming the answer) unless the server accepts.
 */
public final class Control {

    private final ApiClient admin;

    Control(ApiClient admin) {
        this.admin = admin;
    }

    /** Pays {@code operationId} by card, approved: {@code APPROVED} ({@code AUTHORIZED} on a two-stage link). */
    public void pay(String operationId) {
        pay(operationId, "card");
    }

    /**
     * Pays {@code operationId} approved with {@code paymentType}, one of the link's modes as the bank spells them
     * ({@code card}, {@code sbp}, {@code tinkoff}, {@code dolyame}).
     */
    public void pay(String operationId, String paymentType) {
        simulate(operationId, paymentType, "approve").expectStatus(200);
    }

    /** A buyer's card is declined on {@code operationId}: the attempt fails, the link stays payable. */
    public void decline(String operationId) {
        simulate(operationId, "card", "decline").expectStatus(200);
    }

    /**
     * Authorizes {@code operationId} by card without capturing it ({@code AUTHORIZED}): for a two-stage
     * ({@code preAuthorization}) link only, which the merchant then captures or reverses.
     */
    public void authorize(String operationId) {
        simulate(operationId, "card", "authorize").expectStatus(200);
    }

    /**
     * The raw simulation: {@code outcome} is {@code approve}, {@code decline} or {@code authorize}. The answer is
     * returned as it came, for tests of the control API itself.
     */
    public ApiResponse simulate(String operationId, String paymentType, String outcome) {
        return admin.post(
                "/control/v1/payments/" + operationId + "/simulate",
                "{\"paymentType\": \"" + paymentType + "\", \"outcome\": \"" + outcome + "\"}");
    }

    /**
     * Moves the server's clock forward by {@code by}, whole minutes of at least one; links whose time ran out expire
     * at once.
     *
     * @return the server's time after the move
     */
    public Instant advanceClock(Duration by) {
        if (by.toSeconds() % 60 != 0 || by.toMinutes() < 1) {
            throw new IllegalArgumentException("the clock moves by whole minutes, at least one: " + by);
        }
        return advanceClock(by.toMinutes());
    }

    /** Moves the server's clock forward by {@code minutes}; returns the server's time after the move. */
    public Instant advanceClock(long minutes) {
        ApiResponse answer = admin.post("/control/v1/clock/advance", "{\"minutes\": " + minutes + "}")
                .expectStatus(200);
        return OffsetDateTime.parse(answer.data().get("now").asText()).toInstant();
    }
}
