package tochka.acquiring.server.checkout;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.payments.Payment;
import tochka.acquiring.server.payments.PaymentService;
import tochka.acquiring.server.payments.PaymentService.Attempt;
import tochka.acquiring.server.payments.PaymentService.Outcome;
import tochka.acquiring.server.payments.PaymentStatus;

/**
 * The buyer's bank app, played by this server: an SBP QR code's payload {@code https://qr.nspk.ru/<qrcId>?...}
 * opened on our host ({@code <public-url>/<qrcId>?...}) shows the payee and the amount, with Pay and Cancel. Pay
 * approves the link through SBP with this QR code's id, Cancel ends the attempt; either way the checkout page,
 * polling, moves on by itself.
 */
final class BankApp {

    private static final Logger log = LoggerFactory.getLogger(BankApp.class);
    private static final Pattern QRC_ID = Pattern.compile("A[A-Z0-9]{31}");
    private static final String CSRF = "bank-app";

    private final PaymentService payments;
    private final CheckoutService sessions;
    private final DirectoryService directory;
    private final PageTokens tokens;
    private final Pages pages = new Pages();

    BankApp(PaymentService payments, CheckoutService sessions, DirectoryService directory, String tokenSecret) {
        this.payments = payments;
        this.sessions = sessions;
        this.directory = directory;
        this.tokens = new PageTokens(tokenSecret);
    }

    public void show(Context ctx) {
        SbpAttempt attempt = attempt(ctx);
        Payment payment = payment(attempt);
        String state = attempt.isCancelled() ? "cancelled" : payable(attempt, payment) ? "ask" : "expired";
        render(ctx, 200, attempt, payment, state);
    }

    public void pay(Context ctx) {
        SbpAttempt attempt = attempt(ctx);
        Payment payment = payment(attempt);
        if (forged(ctx, attempt, payment)) return;
        if (!payable(attempt, payment)) {
            render(ctx, 409, attempt, payment, attempt.isCancelled() ? "cancelled" : "expired");
            return;
        }
        try {
            payments.pay(
                    payment.operationId(),
                    new Attempt(
                            PaymentMode.SBP,
                            Outcome.APPROVE,
                            PaymentService.DEFAULT_PAYER_NAME,
                            attempt.qrcId(),
                            null));
        } catch (Rejected rejected) {
            render(ctx, 409, attempt, payment, "expired");
            return;
        }
        render(ctx, 200, attempt, payment, "paid");
    }

    /**
     * The buyer declines in the bank app: the attempt is over (its code can no longer pay), the link stays payable,
     * and the checkout page, polling, goes on to the failure page or URL by itself.
     */
    public void cancel(Context ctx) {
        SbpAttempt attempt = attempt(ctx);
        Payment payment = payment(attempt);
        if (forged(ctx, attempt, payment)) return;
        if (!attempt.isCancelled() && !payable(attempt, payment)) {
            render(ctx, 409, attempt, payment, "expired");
            return;
        }
        if (sessions.cancel(attempt)) {
            log.info(
                    "SBP payment of {} cancelled in the bank app (QR code {})", payment.operationId(), attempt.qrcId());
        }
        render(ctx, 200, attempt, payment, "cancelled");
    }

    /** Whether the form lacks this QR code's anti-CSRF token; if so, the refusal is already answered. */
    private boolean forged(Context ctx, SbpAttempt attempt, Payment payment) {
        if (tokens.valid(CSRF, attempt.qrcId(), ctx.formParam("csrf"))) return false;
        render(ctx, 403, attempt, payment, "expired");
        return true;
    }

    /** A QR code can pay while it is not cancelled, its page session is open and its link unpaid and unexpired. */
    private boolean payable(SbpAttempt attempt, Payment payment) {
        return attempt.isOpen(sessions.now()) && payment.status(sessions.now()) == PaymentStatus.CREATED;
    }

    private void render(Context ctx, int status, SbpAttempt attempt, Payment payment, String state) {
        Messages t = pages.messages(ctx);
        Company payee = directory.company(payment.customerCode());
        String qrcId = attempt.qrcId();
        pages.render(
                ctx,
                status,
                new Views.BankAppPage(
                        pages.page(ctx, t, t.get("bank.title"), null),
                        new Views.BankApp(
                                payee.shortName() != null ? payee.shortName() : payee.fullName(),
                                t.amount(payment.amount()),
                                payment.purpose(),
                                state,
                                "/" + qrcId + "/pay",
                                "/" + qrcId + "/cancel",
                                tokens.token(CSRF, qrcId))));
    }

    /** The attempt of the QR code id in the path; anything else at this catch-all path is the API's plain 404. */
    private SbpAttempt attempt(Context ctx) {
        String qrcId = ctx.pathParam("qrcId");
        if (!QRC_ID.matcher(qrcId).matches())
            throw new NotFoundResponse("Endpoint " + ctx.method() + " " + ctx.path() + " not found");
        return sessions.attempt(qrcId).orElseThrow(() -> new NotFoundResponse("QR code " + qrcId + " not found"));
    }

    private Payment payment(SbpAttempt attempt) {
        return payments.find(attempt.operationId())
                .orElseThrow(() -> new NotFoundResponse("QR code " + attempt.qrcId() + " not found"));
    }
}
