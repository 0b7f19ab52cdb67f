package tochka.acquiring.server.checkout;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import java.util.regex.Pattern;
import tochka.acquiring.server.domain.CheckoutSession;
import tochka.acquiring.server.domain.Company;
import tochka.acquiring.server.domain.Payment;
import tochka.acquiring.server.domain.PaymentMode;
import tochka.acquiring.server.domain.PaymentStatus;
import tochka.acquiring.server.service.CheckoutService;
import tochka.acquiring.server.service.DirectoryService;
import tochka.acquiring.server.service.PaymentService;
import tochka.acquiring.server.service.PaymentService.Attempt;
import tochka.acquiring.server.service.PaymentService.Outcome;
import tochka.acquiring.server.service.Rejected;

/**
 * The buyer's bank app, played by this server: an SBP QR code's payload {@code https://qr.nspk.ru/<qrcId>?...}
 * opened on our host ({@code <public-url>/<qrcId>?...}) shows the payee and the amount, with Pay and Cancel. Pay
 * approves the link through SBP with this QR code's id; the checkout page, polling, moves on by itself.
 */
public final class BankApp {

    private static final Pattern QRC_ID = Pattern.compile("A[A-Z0-9]{31}");
    private static final String CSRF = "bank-app";

    private final PaymentService payments;
    private final CheckoutService sessions;
    private final DirectoryService directory;
    private final PageTokens tokens;
    private final Pages pages = new Pages();

    public BankApp(PaymentService payments, CheckoutService sessions, DirectoryService directory, String tokenSecret) {
        this.payments = payments;
        this.sessions = sessions;
        this.directory = directory;
        this.tokens = new PageTokens(tokenSecret);
    }

    public void show(Context ctx) {
        String qrcId = qrcId(ctx);
        Payment payment = payment(qrcId);
        render(ctx, 200, qrcId, payment, payable(qrcId, payment) ? "ask" : "expired");
    }

    public void pay(Context ctx) {
        String qrcId = qrcId(ctx);
        Payment payment = payment(qrcId);
        if (forged(ctx, qrcId, payment)) return;
        if (!payable(qrcId, payment)) {
            render(ctx, 409, qrcId, payment, "expired");
            return;
        }
        try {
            payments.pay(payment.operationId(), new Attempt(PaymentMode.SBP, Outcome.APPROVE,
                    PaymentService.DEFAULT_PAYER_NAME, qrcId, null));
        } catch (Rejected rejected) {
            render(ctx, 409, qrcId, payment, "expired");
            return;
        }
        render(ctx, 200, qrcId, payment, "paid");
    }

    public void cancel(Context ctx) {
        String qrcId = qrcId(ctx);
        Payment payment = payment(qrcId);
        if (forged(ctx, qrcId, payment)) return;
        render(ctx, 200, qrcId, payment, "cancelled");
    }

    /** Whether the form lacks this QR code's anti-CSRF token; if so, the refusal is already answered. */
    private boolean forged(Context ctx, String qrcId, Payment payment) {
        if (tokens.valid(CSRF, qrcId, ctx.formParam("csrf"))) return false;
        render(ctx, 403, qrcId, payment, "expired");
        return true;
    }

    /** A QR code can pay while its page session is open and its link unpaid and unexpired. */
    private boolean payable(String qrcId, Payment payment) {
        Optional<CheckoutSession> session = sessions.findByQrc(qrcId);
        return session.isPresent() && session.get().isOpen(sessions.now())
                && payment.status(sessions.now()) == PaymentStatus.CREATED;
    }

    private void render(Context ctx, int status, String qrcId, Payment payment, String state) {
        Messages t = pages.messages(ctx);
        Company payee = directory.company(payment.customerCode());
        pages.render(ctx, status, "bankapp", Pages.params(
                "page", pages.page(ctx, t, t.get("bank.title"), null),
                "bank", new Views.BankApp(payee.shortName() != null ? payee.shortName() : payee.fullName(),
                        t.amount(payment.amount()), payment.purpose(), state, "/" + qrcId + "/pay",
                        "/" + qrcId + "/cancel", tokens.token(CSRF, qrcId))));
    }

    /** The QR code id in the path; anything else at this catch-all path is the API's plain 404. */
    private static String qrcId(Context ctx) {
        String qrcId = ctx.pathParam("qrcId");
        if (!QRC_ID.matcher(qrcId).matches()) throw new NotFoundResponse("Endpoint " + ctx.method() + " " + ctx.path()
                + " not found");
        return qrcId;
    }

    private Payment payment(String qrcId) {
        return sessions.findByQrc(qrcId)
                .flatMap(session -> payments.find(session.operationId()))
                .orElseThrow(() -> new NotFoundResponse("QR code " + qrcId + " not found"));
    }
}
