package tochka.acquiring.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Permission;
import tochka.acquiring.server.auth.AdminTokens;
import tochka.acquiring.server.auth.Keys;
import tochka.acquiring.server.auth.Principal;
import tochka.acquiring.server.auth.SigningKey;
import tochka.acquiring.server.checkout.Assets;
import tochka.acquiring.server.checkout.BankApp;
import tochka.acquiring.server.checkout.CheckoutPages;
import tochka.acquiring.server.domain.PaymentMode;
import tochka.acquiring.server.service.ConsentService;
import tochka.acquiring.server.service.DirectoryService;
import tochka.acquiring.server.service.PaymentService;
import tochka.acquiring.server.service.Rejected;
import tochka.acquiring.server.service.ServerClock;
import tochka.acquiring.server.site.OpenApiDocument;
import tochka.acquiring.server.site.SitePages;
import tochka.acquiring.server.webhooks.Webhooks;

/**
 * Every route of the server, as a table. Each bank method is served under both {@code /uapi} (keys this server
 * issued) and {@code /sandbox/v2} (the bank's literal sandbox token); before the handler runs, the caller is
 * authenticated and checked for the permission that the spec's {@code security} block names. The sandbox, the
 * test-control API and the admin API can each be turned off: their routes then answer 404 in the bank's body.
 */
public final class Routes {

    /** A bank method's handler, given the authenticated caller. */
    @FunctionalInterface
    interface ApiHandler {
        void handle(Context ctx, Principal principal) throws Exception;
    }

    private static final List<String> PREFIXES = List.of("/uapi", "/sandbox/v2");

    private final Keys keys;
    private final ErrorMapper errors;
    private final PaymentsApi payments;
    private final CustomersApi customers;
    private final ConsentsApi consents;
    private final @Nullable ControlApi control;
    private final SigningKey signingKey;
    private final Responses responses;
    private final CheckoutPages checkout;
    private final BankApp bankApp;
    private final WebhooksApi webhooks;
    private final ObjectMapper json;
    private final Supplier<String> publicUrl;
    private final boolean controlEnabled;
    private final boolean adminEnabled;
    private final boolean sandboxEnabled;
    /** The bank's operations registered by {@link #api}: what {@code /openapi.json} publishes. */
    private final Set<OpenApiDocument.Operation> implemented = new LinkedHashSet<>();

    /**
     * Everything the routes call; {@code controlEnabled}, {@code adminEnabled} and {@code sandboxEnabled} false turn
     * {@code /control/v1}, {@code /admin/v1} and {@code /sandbox/v2} off.
     */
    public Routes(ObjectMapper json, Supplier<String> publicUrl, Keys keys, SigningKey signingKey,
            PaymentService paymentService, DirectoryService directory, ConsentService consentService, ServerClock clock,
            CheckoutPages checkout, BankApp bankApp, Webhooks webhookService, AdminTokens adminTokens,
            boolean controlEnabled, boolean adminEnabled, boolean sandboxEnabled) {
        Bodies bodies = new Bodies(json);
        this.json = json;
        this.publicUrl = publicUrl;
        this.controlEnabled = controlEnabled;
        this.adminEnabled = adminEnabled;
        this.sandboxEnabled = sandboxEnabled;
        Wire wire = new Wire(publicUrl);
        this.keys = keys;
        this.signingKey = signingKey;
        this.checkout = checkout;
        this.bankApp = bankApp;
        this.responses = new Responses(json, publicUrl);
        this.errors = new ErrorMapper(json);
        this.payments = new PaymentsApi(paymentService, directory, clock, bodies, responses, wire);
        this.customers = new CustomersApi(directory, responses);
        this.consents = new ConsentsApi(consentService, bodies, responses);
        AdminToken admin = new AdminToken(adminTokens);
        this.control = controlEnabled ? new ControlApi(paymentService, clock, admin, bodies, responses, wire) : null;
        this.webhooks = new WebhooksApi(webhookService, bodies, responses, admin);
    }

    public void register(JavalinConfig config) {
        config.http.maxRequestSize = ErrorMapper.MAX_BODY_BYTES;
        config.requestLogger.http(new RequestLog());
        var routes = config.routes;
        routes.before(EdgeChecks::check);
        api(config, HandlerType.GET, "/open-banking/v1.0/customers", Permission.ReadCustomerData, customers::list);
        api(config, HandlerType.GET, "/open-banking/v1.0/customers/{customerCode}", Permission.ReadCustomerData,
                customers::info);
        api(config, HandlerType.GET, "/acquiring/v1.0/retailers", Permission.ReadAcquiringData, customers::retailers);
        api(config, HandlerType.POST, "/acquiring/v1.0/payments", Permission.MakeAcquiringOperation, payments::create);
        api(config, HandlerType.POST, "/acquiring/v1.0/payments_with_receipt", Permission.MakeAcquiringOperation,
                payments::createWithReceipt);
        api(config, HandlerType.GET, "/acquiring/v1.0/payments", Permission.ReadAcquiringData, payments::list);
        api(config, HandlerType.GET, "/acquiring/v1.0/payments/{operationId}", Permission.ReadAcquiringData,
                payments::info);
        api(config, HandlerType.POST, "/acquiring/v1.0/payments/{operationId}/refund",
                Permission.MakeAcquiringOperation, payments::refund);
        api(config, HandlerType.POST, "/acquiring/v1.0/payments/{operationId}/capture",
                Permission.MakeAcquiringOperation, payments::capture);
        api(config, HandlerType.GET, "/acquiring/v1.0/registry", Permission.ReadAcquiringData, payments::registry);
        for (String consentsPath : List.of("/consent/v1.0/consents", "/v1.0/consents")) {
            api(config, HandlerType.GET, consentsPath, null, consents::list);
            api(config, HandlerType.POST, consentsPath, null, consents::create);
            api(config, HandlerType.GET, consentsPath + "/{consentId}", null, consents::info);
        }

        String webhookPath = "/webhook/v1.0/{client_id}";
        api(config, HandlerType.GET, webhookPath, Permission.ManageWebhookData, webhooks::get);
        api(config, HandlerType.PUT, webhookPath, Permission.ManageWebhookData, webhooks::create);
        api(config, HandlerType.POST, webhookPath, Permission.ManageWebhookData, webhooks::edit);
        api(config, HandlerType.DELETE, webhookPath, Permission.ManageWebhookData, webhooks::delete);
        api(config, HandlerType.POST, webhookPath + "/test_send", Permission.ManageWebhookData, webhooks::testSend);

        SitePages site = new SitePages(json, publicUrl, implemented, controlEnabled);
        routes.get("/", site::landing);
        routes.get("/docs", site::docs);
        routes.get("/openapi.json", site::bankOpenApi);
        routes.get("/openapi-control.json", site::controlOpenApi);
        routes.get("/site/assets/{file}", site::asset);
        routes.get("/health", ctx -> responses.ok(ctx, Map.of("status", "ok")));
        if (adminEnabled) {
            routes.get("/admin/v1/webhooks/deliveries", webhooks::deliveries);
            routes.post("/admin/v1/webhooks/deliveries/{eventId}/resend", webhooks::resend);
        } else {
            routes.get("/admin/v1/webhooks/deliveries", turnedOff("/admin/v1", "--no-admin"));
            routes.post("/admin/v1/webhooks/deliveries/{eventId}/resend", turnedOff("/admin/v1", "--no-admin"));
        }
        routes.get("/.well-known/jwks.json", ctx -> responses.ok(ctx, signingKey.jwks()));
        routes.get("/doc/openapi/static/keys/public", ctx -> responses.ok(ctx, signingKey.publicJwk()));
        if (control != null) {
            routes.post("/control/v1/payments/{operationId}/simulate", control::simulate);
            routes.post("/control/v1/clock/advance", control::advanceClock);
        } else {
            routes.post("/control/v1/payments/{operationId}/simulate", turnedOff("/control/v1", "--no-control"));
            routes.post("/control/v1/clock/advance", turnedOff("/control/v1", "--no-control"));
        }

        routes.get("/order/", checkout::order);
        routes.get("/order/card", checkout::cardForm);
        routes.post("/order/card", checkout::payByCard);
        routes.get("/order/3ds", checkout::challenge);
        routes.post("/order/3ds", checkout::answerChallenge);
        routes.get("/order/sbp", checkout::sbp);
        routes.get("/order/qr/{file}", checkout::qrImage);
        routes.get("/order/status", checkout::status);
        routes.get("/order/tinkoff", ctx -> checkout.confirmForm(ctx, PaymentMode.TINKOFF));
        routes.post("/order/tinkoff", ctx -> checkout.confirm(ctx, PaymentMode.TINKOFF));
        routes.get("/order/dolyame", ctx -> checkout.confirmForm(ctx, PaymentMode.DOLYAME));
        routes.post("/order/dolyame", ctx -> checkout.confirm(ctx, PaymentMode.DOLYAME));
        routes.get("/order/success", checkout::success);
        routes.get("/order/failure", checkout::failure);
        routes.get("/order/assets/{file}", Assets::serve);
        routes.get("/favicon.ico", Assets::favicon);
        // Last: the SBP "bank app" answers at the QR payload's path, /<qrcId>, on our host.
        routes.get("/{qrcId}", bankApp::show);
        routes.post("/{qrcId}/pay", bankApp::pay);
        routes.post("/{qrcId}/cancel", bankApp::cancel);

        routes.exception(Rejected.class, errors::rejected);
        routes.exception(HttpResponseException.class, errors::httpError);
        routes.exception(Exception.class, errors::unexpected);
    }

    /**
     * Registers a bank method under both prefixes, behind authentication and its permission (null: none); under
     * {@code /sandbox/v2} only while the sandbox is on.
     */
    private void api(JavalinConfig config, HandlerType method, String path, @Nullable Permission permission,
            ApiHandler handler) {
        implemented.add(new OpenApiDocument.Operation(method.name(), path));
        for (String prefix : PREFIXES) {
            boolean sandbox = prefix.equals("/sandbox/v2");
            if (sandbox && !sandboxEnabled) {
                config.routes.addHttpHandler(method, prefix + path, turnedOff("/sandbox/v2", "--no-sandbox"));
                continue;
            }
            config.routes.addHttpHandler(method, prefix + path, ctx -> {
                Principal principal = keys.authenticate(ctx.header("Authorization"), sandbox);
                RequestLog.caller(ctx, principal.clientId());
                if (permission != null) principal.require(permission);
                handler.handle(ctx, principal);
            });
        }
    }

    /** What a turned-off part answers: 404 in the bank's body, naming the flag, before any authentication. */
    private static io.javalin.http.Handler turnedOff(String part, String flag) {
        return ctx -> {
            throw Rejected.notFound(part + " is turned off on this server (tochka serve " + flag + ")");
        };
    }
}
