package tochka.acquiring.server.control;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.OperationList;
import tochka.acquiring.api.PaymentType;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.http.Bodies;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.Responses;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.http.Wire;
import tochka.acquiring.server.payments.Payment;
import tochka.acquiring.server.payments.PaymentService;
import tochka.acquiring.server.payments.PaymentService.Outcome;
import tochka.acquiring.server.payments.PaymentStatus;
import tochka.acquiring.server.payments.PaymentWire;

/**
 * Our extension, not the bank's: {@code /control/v1} drives what a buyer and time would do, so tests and
 * scripts can pay, decline and expire links without a browser. Every call needs the admin token (the route table checks it).
 */
public final class ControlApi implements Endpoints {

    /** Ten years: far enough for any ttl, small enough to stay clear of overflow. */
    private static final long MAX_ADVANCE_MINUTES = 10L * 366 * 24 * 60;

    private final PaymentService payments;
    private final ServerClock clock;
    private final Bodies bodies;
    private final Responses responses;
    private final PaymentWire wire;

    public ControlApi(
            PaymentService payments, ServerClock clock, Bodies bodies, Responses responses, PaymentWire wire) {
        this.payments = payments;
        this.clock = clock;
        this.bodies = bodies;
        this.responses = responses;
        this.wire = wire;
    }

    @Override
    public void addTo(Routes routes) {
        routes.control(HandlerType.POST, "/control/v1/payments/{operationId}/simulate", this::simulate);
        routes.control(HandlerType.POST, "/control/v1/payments/{operationId}/expire", this::expire);
        routes.control(HandlerType.POST, "/control/v1/clock/advance", this::advanceClock);
    }

    /** The body of {@code simulate}. */
    record Simulation(
            @Nullable String paymentType,
            @Nullable String outcome,
            @Nullable String payerName) {}

    void simulate(Context ctx) {
        Simulation request = bodies.read(ctx, new TypeReference<Simulation>() {});
        Problems problems = new Problems();
        PaymentType type = oneOf(problems, "paymentType", request.paymentType(), PaymentType.class);
        Outcome outcome = oneOf(problems, "outcome", request.outcome(), Outcome.class);
        if (request.payerName() != null
                && (request.payerName().isBlank() || request.payerName().length() > 100)) {
            problems.add("payerName", "must be 1 to 100 characters");
        }
        problems.throwIfAny();
        var payment = payments.pay(
                ctx.pathParam("operationId"),
                new PaymentService.Attempt(
                        Wire.mode(Objects.requireNonNull(type)),
                        Objects.requireNonNull(outcome),
                        request.payerName(),
                        null,
                        null));
        responses.ok(
                ctx,
                Envelope.of(new OperationList(List.of(wire.operation(payment, clock.instant()))), responses.self(ctx)));
    }

    /**
     * Expires one unpaid link now, as its ttl running out would (the guarded update {@code expireDue} makes): for a
     * test of the shop's handling of an expired link without moving the clock of every other link. No body is read.
     */
    void expire(Context ctx) {
        String operationId = ctx.pathParam("operationId");
        Payment payment = payments.find(operationId)
                .orElseThrow(() -> Rejected.notFound("operation " + operationId + " not found"));
        PaymentStatus status = payment.status(clock.instant());
        if (status != PaymentStatus.CREATED) {
            throw Rejected.notAllowed(
                    "operation " + operationId + " is " + status.name() + "; only a CREATED link can expire");
        }
        Payment expired = payments.expire(operationId, List.of(payment.customerCode()));
        responses.ok(
                ctx,
                Envelope.of(new OperationList(List.of(wire.operation(expired, clock.instant()))), responses.self(ctx)));
    }

    /** The body of {@code clock/advance}. */
    record Advance(@Nullable Long minutes) {}

    void advanceClock(Context ctx) {
        Advance request = bodies.read(ctx, new TypeReference<Advance>() {});
        Long minutes = request.minutes();
        if (minutes == null) throw Rejected.invalid("minutes: field required");
        if (minutes < 1 || minutes > MAX_ADVANCE_MINUTES) {
            throw Rejected.invalid("minutes: must be from 1 to " + MAX_ADVANCE_MINUTES);
        }
        var now = clock.advance(Duration.ofMinutes(minutes));
        payments.expireDue();
        responses.ok(ctx, Envelope.of(Map.of("now", Wire.time(now)), responses.self(ctx)));
    }

    private static <E extends Enum<E>> @Nullable E oneOf(
            Problems problems, String field, @Nullable String value, Class<E> type) {
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .toList();
        if (value == null) {
            problems.add(field, "field required, one of " + allowed);
            return null;
        }
        if (!allowed.contains(value)) {
            problems.add(field, "must be one of " + allowed);
            return null;
        }
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }
}
