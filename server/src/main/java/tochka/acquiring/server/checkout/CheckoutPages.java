package tochka.acquiring.server.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.server.core.BankTime;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.http.Wire;
import tochka.acquiring.server.payments.MaskedCard;
import tochka.acquiring.server.payments.Payer;
import tochka.acquiring.server.payments.Payment;
import tochka.acquiring.server.payments.PaymentService;
import tochka.acquiring.server.payments.PaymentService.Attempt;
import tochka.acquiring.server.payments.PaymentService.Outcome;
import tochka.acquiring.server.payments.PaymentStatus;
import tochka.acquiring.server.payments.PaymentWire;
import tochka.acquiring.server.payments.Receipt;

/**
 * The hosted payment page at {@code paymentLink} ({@code /order/?uuid=<operationId>}) and everything behind it:
 * card form and 3-D Secure, SBP QR, T-Pay and Dolyame confirmations, outcome pages. Every form carries an
 * anti-CSRF token bound to the buyer's page session; every redirect goes only to the link's own URLs or to ours;
 * card numbers never leave the request that carried them.
 */
final class CheckoutPages {

    private static final Logger log = LoggerFactory.getLogger(CheckoutPages.class);
    private static final String CSRF = "checkout";

    private final PaymentService payments;
    private final CheckoutService sessions;
    private final DirectoryService directory;
    private final PageTokens tokens;
    private final Supplier<String> publicUrl;
    private final Pages pages = new Pages();

    CheckoutPages(
            PaymentService payments,
            CheckoutService sessions,
            DirectoryService directory,
            String tokenSecret,
            Supplier<String> publicUrl) {
        this.payments = payments;
        this.sessions = sessions;
        this.directory = directory;
        this.tokens = new PageTokens(tokenSecret);
        this.publicUrl = publicUrl;
    }

    // ---- the order page and the ways to pay -------------------------------------------------------------------

    public void order(Context ctx) {
        withPayableLink(ctx, (payment, t) -> {
            if (payment.modes().size() == 1) {
                // A chooser with one button is only a click in the buyer's way.
                ctx.redirect(modeHref(payment, payment.modes().get(0)), HttpStatus.SEE_OTHER);
                return;
            }
            session(ctx, payment);
            List<Views.Mode> modes = new ArrayList<>();
            for (PaymentMode mode : payment.modes()) {
                String name = mode.code();
                modes.add(new Views.Mode(
                        name, modeHref(payment, mode), t.get("mode." + name), t.get("mode." + name + ".hint")));
            }
            pages.render(
                    ctx,
                    200,
                    new Views.OrderPage(pages.page(ctx, t, t.get("title.order"), null), order(payment, t), modes));
        });
    }

    public void cardForm(Context ctx) {
        withMode(ctx, PaymentMode.CARD, (payment, t) -> {
            CheckoutSession session = session(ctx, payment);
            renderCardForm(ctx, 200, payment, t, csrf(ctx, session), "", "", "", receiptEmail(payment), Map.of());
        });
    }

    public void payByCard(Context ctx) {
        withMode(ctx, PaymentMode.CARD, (payment, t) -> {
            CheckoutSession session = postedSession(ctx, payment, t);
            if (session == null) return;
            CardForm form = CardForm.of(
                    ctx.formParam("number"),
                    ctx.formParam("month"),
                    ctx.formParam("year"),
                    ctx.formParam("cvc"),
                    ctx.formParam("email"));
            Map<String, String> problems =
                    form.problems(YearMonth.from(sessions.now().atZone(BankTime.ZONE)));
            if (!problems.isEmpty()) {
                Map<String, String> errors = new LinkedHashMap<>();
                problems.forEach((field, key) -> errors.put(field, t.get(key)));
                // A right number is kept for the retry; a wrong one is typed again from the card, so the page never
                // shows a number that was refused. The CVC is never sent back.
                String number = problems.containsKey("number") ? "" : form.groupedNumber();
                renderCardForm(
                        ctx,
                        400,
                        payment,
                        t,
                        csrf(ctx, session),
                        number,
                        form.month(),
                        form.year(),
                        form.email(),
                        errors);
                return;
            }
            MaskedCard card = form.masked();
            CardProcessor.Outcome outcome = CardProcessor.authorize(form.number());
            log.info("card payment of {} with {} {}: {}", payment.operationId(), card.brand(), card.mask(), outcome);
            switch (outcome) {
                case APPROVED ->
                    succeed(ctx, payment, t, new Attempt(PaymentMode.CARD, Outcome.APPROVE, null, null, card));
                case THREE_DS_REQUIRED -> {
                    sessions.startChallenge(session, card);
                    log.info(
                            "3-D Secure challenge of {} with {} {} started",
                            payment.operationId(),
                            card.brand(),
                            card.mask());
                    ctx.redirect("/order/3ds?uuid=" + payment.operationId(), HttpStatus.SEE_OTHER);
                }
                case INSUFFICIENT_FUNDS -> fail(ctx, payment, PaymentMode.CARD, "insufficient_funds");
                case STOLEN_CARD -> fail(ctx, payment, PaymentMode.CARD, "stolen_card");
                case PROCESSOR_TIMEOUT -> fail(ctx, payment, PaymentMode.CARD, "processor_timeout");
            }
        });
    }

    public void challenge(Context ctx) {
        withMode(ctx, PaymentMode.CARD, (payment, t) -> {
            CheckoutSession session = sessions.find(ctx.cookie(cookieName(payment)), payment.operationId())
                    .orElse(null);
            if (session == null || session.challenge() == null) {
                ctx.redirect("/order/card?uuid=" + payment.operationId(), HttpStatus.SEE_OTHER);
                return;
            }
            renderChallenge(ctx, payment, t, session, session.challenge());
        });
    }

    public void answerChallenge(Context ctx) {
        withMode(ctx, PaymentMode.CARD, (payment, t) -> {
            CheckoutSession session = postedSession(ctx, payment, t);
            if (session == null) return;
            Optional<MaskedCard> card = sessions.endChallenge(session);
            if (card.isEmpty()) {
                ctx.redirect("/order/card?uuid=" + payment.operationId(), HttpStatus.SEE_OTHER);
                return;
            }
            MaskedCard challenged = card.get();
            if (CardProcessor.THREE_DS_CODE.equals(ctx.formParam("code"))) {
                log.info(
                        "3-D Secure challenge of {} with {} {} passed",
                        payment.operationId(),
                        challenged.brand(),
                        challenged.mask());
                succeed(ctx, payment, t, new Attempt(PaymentMode.CARD, Outcome.APPROVE, null, null, challenged));
            } else {
                log.info(
                        "3-D Secure challenge of {} with {} {} failed: wrong code",
                        payment.operationId(),
                        challenged.brand(),
                        challenged.mask());
                fail(ctx, payment, PaymentMode.CARD, "three_ds_failed");
            }
        });
    }

    /**
     * The SBP QR code and the wait for the bank app. {@code &check=1} is "I have paid: check", the way a page without
     * JavaScript learns what the bank app did: a paid link goes on as a payment does, a cancelled attempt as a
     * failure, and otherwise the page stays, saying that nothing has arrived yet.
     */
    public void sbp(Context ctx) {
        boolean checking = ctx.queryParam("check") != null;
        if (checking) {
            Optional<Payment> paid = payment(ctx).filter(found -> isPaid(found.status(sessions.now())));
            if (paid.isPresent()) {
                ctx.redirect(successUrl(paid.get()), HttpStatus.SEE_OTHER);
                return;
            }
        }
        withMode(ctx, PaymentMode.SBP, (payment, t) -> {
            CheckoutSession session = session(ctx, payment);
            SbpAttempt shown = session.sbp();
            if (checking && shown != null && shown.isCancelled()) {
                ctx.redirect(failureUrl(payment, "cancelled"), HttpStatus.SEE_OTHER);
                return;
            }
            SbpAttempt attempt = sessions.sbpAttempt(session);
            String payload = SbpQr.payload(attempt.qrcId(), payment);
            String uuid = payment.operationId();
            var view = new Views.Sbp(
                    "/order/qr/" + attempt.qrcId() + ".png",
                    SbpQr.bankAppUrl(payload, publicUrl.get()),
                    "/order/status?uuid=" + uuid,
                    "/order/success?uuid=" + uuid,
                    failureUrl(payment, "cancelled"),
                    "/order/sbp?uuid=" + uuid + "&check=1",
                    checking,
                    chooserHref(payment));
            pages.render(
                    ctx,
                    200,
                    new Views.SbpPage(pages.page(ctx, t, t.get("sbp.title"), "sbp.js"), order(payment, t), view));
        });
    }

    public void qrImage(Context ctx) {
        String file = ctx.pathParam("file");
        String qrcId = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
        Optional<Payment> payment = sessions.attempt(qrcId).flatMap(attempt -> payments.find(attempt.operationId()));
        if (payment.isEmpty()) {
            // Someone opened the image's address by hand: our "link not found" page, not an empty answer.
            notice(ctx, 404, pages.messages(ctx), "failure", "unknown.title", "unknown.text", null, null);
            return;
        }
        Pages.secure(ctx);
        ctx.contentType("image/png").result(SbpQr.png(SbpQr.payload(qrcId, payment.get())));
    }

    /**
     * The status the SBP page polls for; the operation id is the page's own secret, so this tells nothing more. While
     * the link is unpaid it also says when the buyer cancelled, in the bank app, the QR code this browser's page shows
     * ({@code "attempt":"CANCELLED"}), so the page stops waiting.
     */
    public void status(Context ctx) {
        Optional<Payment> payment = payment(ctx);
        Pages.secure(ctx);
        ctx.json(payment.map(found -> linkStatus(ctx, found)).orElse(new LinkStatus("UNKNOWN", null)));
    }

    /** What the SBP page polls: the link's wire status, and {@code attempt} only when its QR code was cancelled. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LinkStatus(String status, @Nullable String attempt) {}

    private LinkStatus linkStatus(Context ctx, Payment payment) {
        PaymentStatus status = payment.status(sessions.now());
        boolean cancelled = status == PaymentStatus.CREATED && sbpCancelled(ctx, payment);
        return new LinkStatus(PaymentWire.status(status).value(), cancelled ? "CANCELLED" : null);
    }

    /** Whether this browser's page session shows an SBP QR code that the buyer cancelled in the bank app. */
    private boolean sbpCancelled(Context ctx, Payment payment) {
        Optional<CheckoutSession> session = sessions.find(ctx.cookie(cookieName(payment)), payment.operationId());
        SbpAttempt shown = session.isPresent() ? session.get().sbp() : null;
        return shown != null && shown.isCancelled();
    }

    public void confirmForm(Context ctx, PaymentMode mode) {
        withMode(ctx, mode, (payment, t) -> {
            CheckoutSession session = session(ctx, payment);
            pages.render(
                    ctx,
                    200,
                    new Views.ConfirmPage(
                            pages.page(ctx, t, t.get("confirm." + mode.code()), null),
                            order(payment, t),
                            new Views.Confirm(
                                    t.get("confirm." + mode.code()),
                                    t.format("confirm.text", t.amount(payment.amount())),
                                    modeHref(payment, mode),
                                    csrf(ctx, session),
                                    chooserHref(payment))),
                    payment.redirectUrl(),
                    payment.failRedirectUrl());
        });
    }

    public void confirm(Context ctx, PaymentMode mode) {
        withMode(ctx, mode, (payment, t) -> {
            if (postedSession(ctx, payment, t) == null) return;
            if ("pay".equals(ctx.formParam("action"))) {
                succeed(ctx, payment, t, Attempt.of(mode, Outcome.APPROVE));
            } else {
                log.info(
                        "{} payment of {} cancelled by the buyer",
                        mode == PaymentMode.TINKOFF ? "T-Pay" : "Dolyame",
                        payment.operationId());
                fail(ctx, payment, mode, "cancelled");
            }
        });
    }

    // ---- outcomes -------------------------------------------------------------------------------------------------

    /** Where a paid link's buyer ends up: the merchant's {@code redirectUrl}, or our success page. */
    public void success(Context ctx) {
        Messages t = pages.messages(ctx);
        Optional<Payment> found = link(ctx, t);
        if (found.isEmpty()) return;
        Payment payment = found.get();
        PaymentStatus status = payment.status(sessions.now());
        if (status == PaymentStatus.CREATED) {
            ctx.redirect("/order/?uuid=" + payment.operationId(), HttpStatus.SEE_OTHER);
        } else if (!isPaid(status)) {
            statusNotice(ctx, t, payment, status);
        } else if (payment.redirectUrl() != null) {
            ctx.redirect(payment.redirectUrl(), HttpStatus.SEE_OTHER);
        } else {
            paid(
                    ctx,
                    t,
                    payment,
                    "success.title",
                    status == PaymentStatus.AUTHORIZED ? "authorized.text" : "success.text");
        }
    }

    /** Our failure page, for links without a {@code failRedirectUrl}: the reason, and a way back to pay. */
    public void failure(Context ctx) {
        Messages t = pages.messages(ctx);
        Optional<Payment> payment = link(ctx, t);
        String reason = "reason." + ctx.queryParam("reason");
        if (payment.isEmpty()) return;
        PaymentStatus status = payment.get().status(sessions.now());
        if (status != PaymentStatus.CREATED) {
            statusNotice(ctx, t, payment.get(), status);
            return;
        }
        notice(
                ctx,
                200,
                t,
                "failure",
                "failure.title",
                t.has(reason) ? reason : "reason.declined",
                "/order/?uuid=" + payment.get().operationId(),
                "failure.retry",
                payment.get().redirectUrl());
    }

    private void succeed(Context ctx, Payment payment, Messages t, Attempt attempt) {
        try {
            payments.pay(payment.operationId(), attempt);
        } catch (Rejected rejected) {
            // Paid or expired meanwhile (a second submit, another tab): nothing changes, say where the link stands.
            Payment now = payments.find(payment.operationId()).orElseThrow();
            statusNotice(ctx, t, now, now.status(sessions.now()));
            return;
        }
        ctx.redirect(successUrl(payment), HttpStatus.SEE_OTHER);
    }

    /** A failed attempt changes nothing: the link stays payable, and the buyer goes to the failure URL or page. */
    private void fail(Context ctx, Payment payment, PaymentMode mode, String reason) {
        try {
            payments.pay(payment.operationId(), Attempt.of(mode, Outcome.DECLINE));
        } catch (Rejected rejected) {
            Payment now = payments.find(payment.operationId()).orElseThrow();
            statusNotice(ctx, pages.messages(ctx), now, now.status(sessions.now()));
            return;
        }
        ctx.redirect(failureUrl(payment, reason), HttpStatus.SEE_OTHER);
    }

    /** Where a payment sends the buyer: the link's {@code redirectUrl}, or our success page. */
    private static String successUrl(Payment payment) {
        String redirectUrl = payment.redirectUrl();
        return redirectUrl != null ? redirectUrl : "/order/success?uuid=" + payment.operationId();
    }

    /** Where a failed attempt sends the buyer: the link's {@code failRedirectUrl}, or our failure page. */
    private static String failureUrl(Payment payment, String reason) {
        String failRedirectUrl = payment.failRedirectUrl();
        return failRedirectUrl != null
                ? failRedirectUrl
                : "/order/failure?uuid=" + payment.operationId() + "&reason=" + reason;
    }

    private static String modeHref(Payment payment, PaymentMode mode) {
        return "/order/" + Wire.name(mode) + "?uuid=" + payment.operationId();
    }

    /** The way back to the choice of ways to pay; none when the link has only one, as the choice would bounce. */
    private static @Nullable String chooserHref(Payment payment) {
        return payment.modes().size() > 1 ? "/order/?uuid=" + payment.operationId() : null;
    }

    // ---- the page session and its checks ---------------------------------------------------------------------------

    /** A page of a link that can still be paid; every other link gets its own page instead. */
    private void withPayableLink(Context ctx, LinkPage page) {
        Messages t = pages.messages(ctx);
        Optional<Payment> found = link(ctx, t);
        if (found.isEmpty()) return;
        Payment payment = found.get();
        PaymentStatus status = payment.status(sessions.now());
        if (status != PaymentStatus.CREATED) {
            statusNotice(ctx, t, payment, status);
            return;
        }
        page.render(payment, t);
    }

    private void withMode(Context ctx, PaymentMode mode, LinkPage page) {
        withPayableLink(ctx, (payment, t) -> {
            if (!payment.modes().contains(mode)) {
                notice(
                        ctx,
                        404,
                        t,
                        "failure",
                        "mode.unavailable",
                        "choose",
                        "/order/?uuid=" + payment.operationId(),
                        "back");
                return;
            }
            page.render(payment, t);
        });
    }

    /** A page of one payable link, given in the buyer's language. */
    @FunctionalInterface
    private interface LinkPage {
        void render(Payment payment, Messages t);
    }

    /** The buyer's open session of this link, or a new one (opening the link after an hour starts afresh). */
    private CheckoutSession session(Context ctx, Payment payment) {
        String name = cookieName(payment);
        return sessions.find(ctx.cookie(name), payment.operationId()).orElseGet(() -> {
            CheckoutService.Opened opened = sessions.open(payment.operationId());
            ctx.cookie(new Cookie(
                    name,
                    opened.secret(),
                    "/order",
                    (int) CheckoutService.SESSION_LIFETIME.toSeconds(),
                    publicUrl.get().startsWith("https:"),
                    true,
                    null,
                    SameSite.LAX));
            ctx.attribute(name, opened.secret());
            return opened.session();
        });
    }

    /**
     * The session a form was posted in, with its anti-CSRF token checked; null (and a page saying why) when the
     * session has expired or the token is wrong.
     */
    private @Nullable CheckoutSession postedSession(Context ctx, Payment payment, Messages t) {
        String secret = ctx.cookie(cookieName(payment));
        Optional<CheckoutSession> session = sessions.find(secret, payment.operationId());
        if (session.isEmpty()) {
            notice(
                    ctx,
                    410,
                    t,
                    "failure",
                    "session.title",
                    "session.text",
                    "/order/?uuid=" + payment.operationId(),
                    "session.reopen");
            return null;
        }
        if (!tokens.valid(CSRF, secret, ctx.formParam("csrf"))) {
            notice(
                    ctx,
                    403,
                    t,
                    "failure",
                    "form.title",
                    "form.text",
                    "/order/?uuid=" + payment.operationId(),
                    "session.reopen");
            return null;
        }
        return session.get();
    }

    private String csrf(Context ctx, CheckoutSession session) {
        String name = cookieName(session.operationId());
        String secret = ctx.attribute(name) != null ? ctx.attribute(name) : ctx.cookie(name);
        return tokens.token(CSRF, String.valueOf(secret));
    }

    private static String cookieName(Payment payment) {
        return cookieName(payment.operationId());
    }

    /** One cookie per link, so two links open in one browser keep their own sessions. */
    private static String cookieName(String operationId) {
        return "tochka_checkout_" + operationId;
    }

    // ---- rendering helpers -----------------------------------------------------------------------------------------

    /** The link named by {@code ?uuid=}; empty after answering our "link not found" page. */
    private Optional<Payment> link(Context ctx, Messages t) {
        Optional<Payment> found = payment(ctx);
        if (found.isEmpty()) notice(ctx, 404, t, "failure", "unknown.title", "unknown.text", null, null);
        return found;
    }

    /** The payment named by {@code ?uuid=}, if it is a well-formed id of an existing link. */
    private Optional<Payment> payment(Context ctx) {
        String uuid = ctx.queryParam("uuid");
        if (uuid == null) return Optional.empty();
        try {
            return payments.find(UUID.fromString(uuid).toString().equals(uuid) ? uuid : "");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Views.Order order(Payment payment, Messages t) {
        Receipt receipt = payment.receipt();
        List<Views.Item> items = new ArrayList<>();
        if (receipt != null) {
            for (ReceiptItem item : receipt.items()) {
                ReceiptLine line = ReceiptLine.of(item);
                items.add(new Views.Item(
                        line.name(), t.quantity(line.quantity()), t.amount(line.price()), t.amount(line.total())));
            }
        }
        return new Views.Order(
                seller(payment), t.amount(payment.amount()), payment.paymentLinkId(), payment.purpose(), items);
    }

    private String seller(Payment payment) {
        Company company = directory.company(payment.customerCode());
        return company.shortName() != null ? company.shortName() : company.fullName();
    }

    /** The receipt's e-mail, to fill in the card form's: the shop already knows where the buyer wants it. */
    private static String receiptEmail(Payment payment) {
        Receipt receipt = payment.receipt();
        String email = receipt == null ? null : receipt.client().email();
        return email == null ? "" : email;
    }

    private void renderCardForm(
            Context ctx,
            int status,
            Payment payment,
            Messages t,
            String csrf,
            String number,
            String month,
            String year,
            String email,
            Map<String, String> errors) {
        String amount = t.amount(payment.amount());
        // A two-stage link only holds the amount now; the button must not promise more than happens.
        String submit = payment.preAuthorization() ? t.format("card.hold", amount) : t.get("card.pay") + " " + amount;
        pages.render(
                ctx,
                status,
                new Views.CardPage(
                        pages.page(ctx, t, t.get("card.title"), null),
                        order(payment, t),
                        new Views.CardForm(
                                modeHref(payment, PaymentMode.CARD),
                                csrf,
                                number,
                                month,
                                year,
                                email,
                                errors,
                                submit,
                                payment.preAuthorization() ? t.get("card.hold.note") : null,
                                chooserHref(payment))),
                payment.redirectUrl(),
                payment.failRedirectUrl());
    }

    private void renderChallenge(Context ctx, Payment payment, Messages t, CheckoutSession session, MaskedCard card) {
        pages.render(
                ctx,
                200,
                new Views.ChallengePage(
                        pages.page(ctx, t, t.get("threeds.title"), null),
                        order(payment, t),
                        new Views.Challenge(
                                "/order/3ds?uuid=" + payment.operationId(),
                                csrf(ctx, session),
                                t.format("threeds.text", card.mask()))),
                payment.redirectUrl(),
                payment.failRedirectUrl());
    }

    private void statusNotice(Context ctx, Messages t, Payment payment, PaymentStatus status) {
        if (status == PaymentStatus.EXPIRED) {
            notice(ctx, 410, t, "failure", "expired.title", "expired.text", null, null, payment.redirectUrl());
        } else {
            paid(ctx, t, payment, "paid.title", "paid.text");
        }
    }

    /** Our page of a paid link: what was paid, to whom, how, and the way back to the shop. */
    private void paid(Context ctx, Messages t, Payment payment, String heading, String text) {
        Payer payer = payment.payer();
        MaskedCard card = payer == null ? null : payer.card();
        pages.render(
                ctx,
                200,
                new Views.PaidPage(
                        pages.page(ctx, t, t.get(heading), null),
                        new Views.Paid(
                                t.get(heading),
                                t.get(text),
                                t.amount(payment.amount()),
                                payment.paymentLinkId(),
                                seller(payment),
                                payer == null
                                        ? null
                                        : t.get("method." + payer.type().code()),
                                card == null ? null : cardName(t, card),
                                payment.redirectUrl())));
    }

    /** {@code Visa 411111******1111}: the brand as buyers know it and the masked number, never more of it. */
    private static String cardName(Messages t, MaskedCard card) {
        String brand = "brand." + card.brand();
        return (t.has(brand) ? t.get(brand) : card.brand()) + " " + card.mask();
    }

    void notice(
            Context ctx,
            int status,
            Messages t,
            String kind,
            String heading,
            String text,
            @Nullable String linkHref,
            @Nullable String linkText) {
        notice(ctx, status, t, kind, heading, text, linkHref, linkText, null);
    }

    /** A notice page; {@code shopHref} (the link's {@code redirectUrl}) offers the way back to the shop. */
    void notice(
            Context ctx,
            int status,
            Messages t,
            String kind,
            String heading,
            String text,
            @Nullable String linkHref,
            @Nullable String linkText,
            @Nullable String shopHref) {
        pages.render(
                ctx,
                status,
                new Views.NoticePage(
                        pages.page(ctx, t, t.get(heading), null),
                        new Views.Notice(
                                kind,
                                t.get(heading),
                                t.get(text),
                                linkHref,
                                linkText == null ? null : t.get(linkText),
                                shopHref)));
    }

    private static boolean isPaid(PaymentStatus status) {
        return status != PaymentStatus.CREATED && status != PaymentStatus.EXPIRED;
    }
}
