package tochka.acquiring.server.checkout;

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
import tochka.acquiring.server.domain.CheckoutSession;
import tochka.acquiring.server.domain.Company;
import tochka.acquiring.server.domain.MaskedCard;
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
 * The hosted payment page at {@code paymentLink} ({@code /order/?uuid=<operationId>}) and everything behind it:
 * card form and 3-D Secure, SBP QR, T-Pay and Dolyame confirmations, outcome pages. Every form carries an
 * anti-CSRF token bound to the buyer's page session; every redirect goes only to the link's own URLs or to ours;
 * card numbers never leave the request that carried them.
 */
public final class CheckoutPages {

    private static final Logger log = LoggerFactory.getLogger(CheckoutPages.class);
    private static final String CSRF = "checkout";

    private final PaymentService payments;
    private final CheckoutService sessions;
    private final DirectoryService directory;
    private final PageTokens tokens;
    private final Supplier<String> publicUrl;
    private final Pages pages = new Pages();

    public CheckoutPages(PaymentService payments, CheckoutService sessions, DirectoryService directory,
            String tokenSecret, Supplier<String> publicUrl) {
        this.payments = payments;
        this.sessions = sessions;
        this.directory = directory;
        this.tokens = new PageTokens(tokenSecret);
        this.publicUrl = publicUrl;
    }

    // ---- the order page and the ways to pay -------------------------------------------------------------------

    public void order(Context ctx) {
        withPayableLink(ctx, (payment, t) -> {
            session(ctx, payment);
            List<Views.Mode> modes = new ArrayList<>();
            for (PaymentMode mode : payment.modes()) {
                String name = mode.wireName();
                modes.add(new Views.Mode(name, "/order/" + name + "?uuid=" + payment.operationId(),
                        t.get("mode." + name), t.get("mode." + name + ".hint")));
            }
            pages.render(ctx, 200, "order", Pages.params("page", pages.page(ctx, t, t.get("title.order"), null),
                    "order", order(payment, t), "modes", modes));
        });
    }

    public void cardForm(Context ctx) {
        withMode(ctx, PaymentMode.CARD, (payment, t) -> {
            CheckoutSession session = session(ctx, payment);
            renderCardForm(ctx, 200, payment, t, csrf(ctx, session), "", "", "", Map.of());
        });
    }

    public void payByCard(Context ctx) {
        withMode(ctx, PaymentMode.CARD, (payment, t) -> {
            CheckoutSession session = postedSession(ctx, payment, t);
            if (session == null) return;
            CardForm form = CardForm.of(ctx.formParam("number"), ctx.formParam("month"), ctx.formParam("year"),
                    ctx.formParam("cvc"), ctx.formParam("email"));
            Map<String, String> problems = form.problems(YearMonth.from(sessions.now().atZone(PaymentService.BANK_ZONE)));
            if (!problems.isEmpty()) {
                Map<String, String> errors = new LinkedHashMap<>();
                problems.forEach((field, key) -> errors.put(field, t.get(key)));
                renderCardForm(ctx, 400, payment, t, csrf(ctx, session), form.month(), form.year(), form.email(),
                        errors);
                return;
            }
            MaskedCard card = form.masked();
            CardProcessor.Outcome outcome = CardProcessor.authorize(form.number());
            log.info("card payment of {} with {} {}: {}", payment.operationId(), card.brand(), card.mask(), outcome);
            switch (outcome) {
                case APPROVED -> succeed(ctx, payment, t, new Attempt(PaymentMode.CARD, Outcome.APPROVE, null, null,
                        card));
                case THREE_DS_REQUIRED -> {
                    sessions.startChallenge(session, card);
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
            if (CardProcessor.THREE_DS_CODE.equals(ctx.formParam("code"))) {
                succeed(ctx, payment, t, new Attempt(PaymentMode.CARD, Outcome.APPROVE, null, null, card.get()));
            } else {
                fail(ctx, payment, PaymentMode.CARD, "three_ds_failed");
            }
        });
    }

    public void sbp(Context ctx) {
        withMode(ctx, PaymentMode.SBP, (payment, t) -> {
            CheckoutSession session = session(ctx, payment);
            String qrcId = sessions.qrcId(session);
            String payload = SbpQr.payload(qrcId, payment);
            String uuid = payment.operationId();
            var view = new Views.Sbp("/order/qr/" + qrcId + ".png", SbpQr.bankAppUrl(payload, publicUrl.get()),
                    "/order/status?uuid=" + uuid, "/order/success?uuid=" + uuid, "/order/sbp?uuid=" + uuid,
                    "/order/?uuid=" + uuid);
            pages.render(ctx, 200, "sbp", Pages.params("page", pages.page(ctx, t, t.get("sbp.title"), "sbp.js"),
                    "order", order(payment, t), "sbp", view));
        });
    }

    public void qrImage(Context ctx) {
        String file = ctx.pathParam("file");
        String qrcId = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
        Optional<Payment> payment = sessions.findByQrc(qrcId).flatMap(session -> payments.find(session.operationId()));
        if (payment.isEmpty()) {
            ctx.status(404).result("");
            return;
        }
        Pages.secure(ctx);
        ctx.contentType("image/png").result(SbpQr.png(SbpQr.payload(qrcId, payment.get())));
    }

    /** The status the SBP page polls for; the operation id is the page's own secret, so this tells nothing more. */
    public void status(Context ctx) {
        Optional<Payment> payment = payment(ctx);
        Pages.secure(ctx);
        ctx.contentType("application/json").result(payment
                .map(found -> "{\"status\":\"" + found.status(sessions.now()).wireName() + "\"}")
                .orElse("{\"status\":\"UNKNOWN\"}"));
    }

    public void confirmForm(Context ctx, PaymentMode mode) {
        withMode(ctx, mode, (payment, t) -> {
            CheckoutSession session = session(ctx, payment);
            pages.render(ctx, 200, "confirm", Pages.params(
                    "page", pages.page(ctx, t, t.get("confirm." + mode.wireName()), null),
                    "order", order(payment, t),
                    "confirm", new Views.Confirm(t.get("confirm." + mode.wireName()),
                            t.format("confirm.text", t.amount(payment.amount())),
                            "/order/" + mode.wireName() + "?uuid=" + payment.operationId(), csrf(ctx, session),
                            "/order/?uuid=" + payment.operationId())),
                    payment.redirectUrl(), payment.failRedirectUrl());
        });
    }

    public void confirm(Context ctx, PaymentMode mode) {
        withMode(ctx, mode, (payment, t) -> {
            if (postedSession(ctx, payment, t) == null) return;
            if ("pay".equals(ctx.formParam("action"))) succeed(ctx, payment, t, Attempt.of(mode, Outcome.APPROVE));
            else fail(ctx, payment, mode, "cancelled");
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
            notice(ctx, 200, t, "success", "success.title",
                    status == PaymentStatus.AUTHORIZED ? "authorized.text" : "success.text", null, null);
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
        notice(ctx, 200, t, "failure", "failure.title", t.has(reason) ? reason : "reason.declined",
                "/order/?uuid=" + payment.get().operationId(), "failure.retry");
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
        ctx.redirect(payment.redirectUrl() != null
                ? payment.redirectUrl()
                : "/order/success?uuid=" + payment.operationId(), HttpStatus.SEE_OTHER);
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
        ctx.redirect(payment.failRedirectUrl() != null
                ? payment.failRedirectUrl()
                : "/order/failure?uuid=" + payment.operationId() + "&reason=" + reason, HttpStatus.SEE_OTHER);
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
                notice(ctx, 404, t, "failure", "mode.unavailable", "choose", "/order/?uuid=" + payment.operationId(),
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
            ctx.cookie(new Cookie(name, opened.secret(), "/order", (int) CheckoutService.SESSION_LIFETIME.toSeconds(),
                    publicUrl.get().startsWith("https:"), true, null, SameSite.LAX));
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
            notice(ctx, 410, t, "failure", "session.title", "session.text", "/order/?uuid=" + payment.operationId(),
                    "session.reopen");
            return null;
        }
        if (!tokens.valid(CSRF, secret, ctx.formParam("csrf"))) {
            notice(ctx, 403, t, "failure", "form.title", "form.text", "/order/?uuid=" + payment.operationId(),
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
        Company company = directory.company(payment.customerCode());
        return new Views.Order(company.shortName() != null ? company.shortName() : company.fullName(),
                t.amount(payment.amount()), payment.paymentLinkId(), payment.purpose());
    }

    private void renderCardForm(Context ctx, int status, Payment payment, Messages t, String csrf, String month,
            String year, String email, Map<String, String> errors) {
        String uuid = payment.operationId();
        pages.render(ctx, status, "card", Pages.params(
                        "page", pages.page(ctx, t, t.get("card.title"), null),
                        "order", order(payment, t),
                        "form", new Views.CardForm("/order/card?uuid=" + uuid, csrf, month, year, email, errors,
                                "/order/?uuid=" + uuid)),
                payment.redirectUrl(), payment.failRedirectUrl());
    }

    private void renderChallenge(Context ctx, Payment payment, Messages t, CheckoutSession session,
            MaskedCard card) {
        pages.render(ctx, 200, "threeds", Pages.params(
                        "page", pages.page(ctx, t, t.get("threeds.title"), null),
                        "order", order(payment, t),
                        "challenge", new Views.Challenge("/order/3ds?uuid=" + payment.operationId(),
                                csrf(ctx, session), t.format("threeds.text", card.mask()))),
                payment.redirectUrl(), payment.failRedirectUrl());
    }

    private void statusNotice(Context ctx, Messages t, Payment payment, PaymentStatus status) {
        if (status == PaymentStatus.EXPIRED) {
            notice(ctx, 410, t, "failure", "expired.title", "expired.text", null, null);
        } else {
            notice(ctx, 200, t, "success", "paid.title", "paid.text", payment.redirectUrl(),
                    payment.redirectUrl() == null ? null : "continue");
        }
    }

    void notice(Context ctx, int status, Messages t, String kind, String heading, String text,
            @Nullable String linkHref, @Nullable String linkText) {
        pages.render(ctx, status, "notice", Pages.params(
                "page", pages.page(ctx, t, t.get(heading), null),
                "notice", new Views.Notice(kind, t.get(heading), t.get(text), linkHref,
                        linkText == null ? null : t.get(linkText))));
    }

    private static boolean isPaid(PaymentStatus status) {
        return status != PaymentStatus.CREATED && status != PaymentStatus.EXPIRED;
    }
}
