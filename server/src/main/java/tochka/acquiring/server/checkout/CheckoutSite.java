package tochka.acquiring.server.checkout;

import io.javalin.http.HandlerType;
import java.util.function.Supplier;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.directory.DirectoryService;
import tochka.acquiring.server.http.Endpoints;
import tochka.acquiring.server.http.Routes;
import tochka.acquiring.server.payments.PaymentService;

/**
 * The buyer's side: the hosted payment page under {@code /order/...} and the SBP bank app at the QR payload's path.
 * Anyone may open them; each page checks the per-payment token it was given, a capability of that page.
 */
public final class CheckoutSite implements Endpoints {

    private final CheckoutPages pages;
    private final BankApp bankApp;

    /** {@code pageSecret} signs the pages' tokens; {@code publicUrl} is this server's base URL, known once it listens. */
    public CheckoutSite(
            PaymentService payments,
            CheckoutService sessions,
            DirectoryService directory,
            String pageSecret,
            Supplier<String> publicUrl) {
        this.pages = new CheckoutPages(payments, sessions, directory, pageSecret, publicUrl);
        this.bankApp = new BankApp(payments, sessions, directory, pageSecret);
    }

    /** Register last: the bank app's {@code /{qrcId}} would otherwise shadow other one-segment paths. */
    @Override
    public void addTo(Routes routes) {
        routes.page(HandlerType.GET, "/order/", pages::order);
        routes.page(HandlerType.GET, "/order/card", pages::cardForm);
        routes.page(HandlerType.POST, "/order/card", pages::payByCard);
        routes.page(HandlerType.GET, "/order/3ds", pages::challenge);
        routes.page(HandlerType.POST, "/order/3ds", pages::answerChallenge);
        routes.page(HandlerType.GET, "/order/sbp", pages::sbp);
        routes.page(HandlerType.GET, "/order/qr/{file}", pages::qrImage);
        routes.page(HandlerType.GET, "/order/status", pages::status);
        routes.page(HandlerType.GET, "/order/tinkoff", ctx -> pages.confirmForm(ctx, PaymentMode.TINKOFF));
        routes.page(HandlerType.POST, "/order/tinkoff", ctx -> pages.confirm(ctx, PaymentMode.TINKOFF));
        routes.page(HandlerType.GET, "/order/dolyame", ctx -> pages.confirmForm(ctx, PaymentMode.DOLYAME));
        routes.page(HandlerType.POST, "/order/dolyame", ctx -> pages.confirm(ctx, PaymentMode.DOLYAME));
        routes.page(HandlerType.GET, "/order/success", pages::success);
        routes.page(HandlerType.GET, "/order/failure", pages::failure);
        routes.files(Assets.FILES);
        routes.page(HandlerType.GET, "/favicon.ico", Assets::favicon);
        // Last: the SBP "bank app" answers at the QR payload's path, /<qrcId>, on our host.
        routes.page(HandlerType.GET, "/{qrcId}", bankApp::show);
        routes.page(HandlerType.POST, "/{qrcId}/pay", bankApp::pay);
        routes.page(HandlerType.POST, "/{qrcId}/cancel", bankApp::cancel);
    }
}
