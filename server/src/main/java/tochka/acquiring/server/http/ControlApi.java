package tochka.acquiring.server.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.OperationList;
import tochka.acquiring.server.domain.PaymentMode;
import tochka.acquiring.server.service.PaymentService;
import tochka.acquiring.server.service.PaymentService.Outcome;
import tochka.acquiring.server.service.Problems;
import tochka.acquiring.server.service.Rejected;
import tochka.acquiring.server.service.ServerClock;

/**
 * Our extension, not the bank's: {@code /control/v1} drives what a buyer and time would do, so tests and
 * scripts can pay, decline and expire links without a browser. Every call needs the admin token.
 */
final class ControlApi {

    /** Ten years: far enough for any ttl, small enough to stay clear of overflow. */
    private static final long MAX_ADVANCE_MINUTES = 10L * 366 * 24 * 60;

    private final PaymentService payments;
    private final ServerClock clock;
    private final AdminToken adminToken;
    private final Bodies bodies;
    private final Responses responses;
    private final Wire wire;

    ControlApi(PaymentService payments, ServerClock clock, AdminToken adminToken, Bodies bodies, Responses responses,
            Wire wire) {
        this.payments = payments;
        this.clock = clock;
        this.adminToken = adminToken;
        this.bodies = bodies;
        this.responses = responses;
        this.wire = wire;
    }

    /** The body of {@code simulate}. */
    record Simulation(@Nullable String paymentType, @Nullable String outcome, @Nullable String payerName) {}

    void simulate(Context ctx) {
        adminToken.check(ctx);
        Simulation request = bodies.read(ctx, new TypeReference<Simulation>() {});
        Problems problems = new Problems();
        PaymentMode type = oneOf(problems, "paymentType", request.paymentType(), PaymentMode.class);
        Outcome outcome = oneOf(problems, "outcome", request.outcome(), Outcome.class);
        if (request.payerName() != null && (request.payerName().isBlank() || request.payerName().length() > 100)) {
            problems.add("payerName", "must be 1 to 100 characters");
        }
        problems.throwIfAny();
        var payment = payments.pay(ctx.pathParam("operationId"), new PaymentService.Attempt(
                Objects.requireNonNull(type), Objects.requireNonNull(outcome), request.payerName(), null, null));
        responses.ok(ctx, Envelope.of(new OperationList(List.of(wire.operation(payment, clock.instant()))),
                responses.self(ctx)));
    }

    /** The body of {@code clock/advance}. */
    record Advance(@Nullable Long minutes) {}

    void advanceClock(Context ctx) {
        adminToken.check(ctx);
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

    private static <E extends Enum<E>> @Nullable E oneOf(Problems problems, String field, @Nullable String value,
            Class<E> type) {
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
