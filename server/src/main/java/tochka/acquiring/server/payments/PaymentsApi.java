package tochka.acquiring.server.payments;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tochka.acquiring.api.BooleanResult;
import tochka.acquiring.api.CreatePaymentRequest;
import tochka.acquiring.api.DataRequest;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.Links;
import tochka.acquiring.api.Meta;
import tochka.acquiring.api.OperationList;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.Refund;
import tochka.acquiring.api.RefundRequest;
import tochka.acquiring.api.Registry;
import tochka.acquiring.api.RegistryEntry;
import tochka.acquiring.api.RegistryPayment;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.Principal;
import tochka.acquiring.server.core.Problems;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.directory.Retailer;
import tochka.acquiring.server.http.Bodies;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.QueryParams;
import tochka.acquiring.server.http.Responses;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.http.Wire;

/** {@code /acquiring/v1.0/payments...} and {@code /acquiring/v1.0/registry}: parse, call one service, map. */
public final class PaymentsApi implements Endpoints {

    static final int MAX_PER_PAGE = 1000;

    private final PaymentService payments;
    private final DirectoryService directory;
    private final ServerClock clock;
    private final Bodies bodies;
    private final Responses responses;
    private final PaymentWire wire;

    public PaymentsApi(
            PaymentService payments,
            DirectoryService directory,
            ServerClock clock,
            Bodies bodies,
            Responses responses,
            PaymentWire wire) {
        this.payments = payments;
        this.directory = directory;
        this.clock = clock;
        this.bodies = bodies;
        this.responses = responses;
        this.wire = wire;
    }

    @Override
    public void addTo(Routes routes) {
        String payments = "/acquiring/v1.0/payments";
        routes.bank(HandlerType.POST, payments, Permission.MakeAcquiringOperation, this::create);
        routes.bank(
                HandlerType.POST,
                "/acquiring/v1.0/payments_with_receipt",
                Permission.MakeAcquiringOperation,
                this::createWithReceipt);
        routes.bank(HandlerType.GET, payments, Permission.ReadAcquiringData, this::list);
        routes.bank(HandlerType.GET, payments + "/{operationId}", Permission.ReadAcquiringData, this::info);
        routes.bank(
                HandlerType.POST, payments + "/{operationId}/refund", Permission.MakeAcquiringOperation, this::refund);
        routes.bank(
                HandlerType.POST,
                payments + "/{operationId}/capture",
                Permission.MakeAcquiringOperation,
                this::capture);
        routes.bank(HandlerType.GET, "/acquiring/v1.0/registry", Permission.ReadAcquiringData, this::registry);
    }

    void create(Context ctx, Principal principal) {
        create(ctx, principal, false);
    }

    void createWithReceipt(Context ctx, Principal principal) {
        create(ctx, principal, true);
    }

    private void create(Context ctx, Principal principal, boolean withReceipt) {
        var request = bodies.read(ctx, new TypeReference<DataRequest<CreatePaymentRequest>>() {});
        var command = PaymentRequests.toNewPayment(request.data(), withReceipt);
        principal.requireCompany(command.customerCode());
        Payment payment;
        try {
            payment = payments.create(command);
        } catch (Rejected rejected) {
            throw rejected.at("Data");
        }
        responses.ok(ctx, Envelope.of(wire.created(payment), responses.self(ctx)));
    }

    void info(Context ctx, Principal principal) {
        Payment payment = payments.get(ctx.pathParam("operationId"), principal.customerCodes());
        responses.ok(
                ctx,
                Envelope.of(new OperationList(List.of(wire.operation(payment, clock.instant()))), responses.self(ctx)));
    }

    void list(Context ctx, Principal principal) {
        Problems problems = new Problems();
        QueryParams params = new QueryParams(ctx, problems);
        String customerCode = params.required("customerCode");
        LocalDate fromDate = params.date("fromDate", false);
        LocalDate toDate = params.date("toDate", false);
        int page = params.integer("page", 1, 1, Integer.MAX_VALUE / MAX_PER_PAGE);
        int perPage = params.integer("perPage", MAX_PER_PAGE, 1, MAX_PER_PAGE);
        PaymentStatus status = PaymentRequests.status(problems, "status", params.optional("status"));
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add("fromDate", "must not be after toDate");
        }
        problems.throwIfAny();
        principal.requireCompany(customerCode);

        var result = payments.list(new PaymentFilter(customerCode, fromDate, toDate, status, page, perPage));
        Instant now = clock.instant();
        var operations = result.payments().stream()
                .map(payment -> wire.operation(payment, now))
                .toList();
        responses.ok(
                ctx,
                new Envelope<>(
                        new OperationList(operations),
                        pageLinks(ctx, page, result.totalPages()),
                        new Meta(result.totalPages())));
    }

    private Links pageLinks(Context ctx, int page, int totalPages) {
        return new Links(
                responses.self(ctx),
                responses.withPage(ctx, 1),
                page > 1 ? responses.withPage(ctx, Math.min(page - 1, totalPages)) : null,
                page < totalPages ? responses.withPage(ctx, page + 1) : null,
                responses.withPage(ctx, totalPages));
    }

    void refund(Context ctx, Principal principal) {
        var request = bodies.read(ctx, new TypeReference<DataRequest<RefundRequest>>() {});
        // Jackson leaves an absent Data null, whatever the record's type says.
        RefundRequest data = request.data();
        if (data == null) throw Problems.fieldRequired("Data");
        Problems problems = new Problems();
        Money amount = PaymentRequests.money(problems, "Data.amount", data.amount());
        problems.throwIfAny();
        PaymentService.RefundDone done;
        try {
            done = payments.refund(
                    ctx.pathParam("operationId"),
                    principal.customerCodes(),
                    Objects.requireNonNull(
                            amount, "money() reported a missing or invalid amount, and throwIfAny threw"));
        } catch (Rejected rejected) {
            throw rejected.at("Data");
        }
        var refund = new Refund(
                true,
                done.payment().operationId(),
                done.order().amount().roubles(),
                LocalDate.ofInstant(done.order().time(), BankTime.ZONE).toString(),
                done.order().orderId());
        responses.ok(ctx, Envelope.of(refund, responses.self(ctx)));
    }

    void capture(Context ctx, Principal principal) {
        payments.capture(ctx.pathParam("operationId"), principal.customerCodes());
        responses.ok(ctx, Envelope.of(new BooleanResult(true), responses.self(ctx)));
    }

    void registry(Context ctx, Principal principal) {
        Problems problems = new Problems();
        QueryParams params = new QueryParams(ctx, problems);
        String customerCode = params.required("customerCode");
        String merchantId = params.required("merchantId");
        LocalDate date = params.date("date", true);
        String paymentId = params.optional("paymentId");
        // Echoed in every entry of the answer: an id is a UUID or the processing's 32 characters, never kilobytes.
        if (paymentId != null && paymentId.length() > 128) problems.add("paymentId", "at most 128 characters");
        problems.throwIfAny();
        principal.requireCompany(customerCode);
        Retailer retailer = directory.retailer(customerCode, merchantId);

        Instant now = clock.instant();
        List<RegistryEntry> entries = new ArrayList<>();
        for (PaymentRegistry.Group group : payments.registry(retailer, Objects.requireNonNull(date), paymentId)
                .groups()) {
            List<RegistryPayment> lines = group.lines().stream()
                    .map(line -> new RegistryPayment(
                            line.payment().purpose(),
                            PaymentWire.status(line.payment(), now),
                            line.payment().amount().roubles(),
                            line.payment().operationId(),
                            wire.paymentLink(line.payment().operationId()),
                            Wire.time(Objects.requireNonNull(line.payment().payer())
                                    .paidAt()),
                            line.payment().paymentLinkId(),
                            line.commission().roubles(),
                            line.net().roubles()))
                    .toList();
            entries.add(new RegistryEntry(Wire.type(group.type()), group.total().roubles(), paymentId, lines));
        }
        responses.ok(ctx, Envelope.of(new Registry(entries), responses.self(ctx)));
    }
}
