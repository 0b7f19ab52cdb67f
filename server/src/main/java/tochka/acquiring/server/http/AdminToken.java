package tochka.acquiring.server.http;

import io.javalin.http.Context;
import tochka.acquiring.server.auth.AdminTokens;
import tochka.acquiring.server.service.Rejected;

/**
 * The operator's token, which our own endpoints (test control, delivery log) require. Checked against the hash in
 * the database on every call, so a token set on one node of a cluster holds on all of them at once.
 */
final class AdminToken {

    private final AdminTokens tokens;

    AdminToken(AdminTokens tokens) {
        this.tokens = tokens;
    }

    /** @throws Rejected (403) unless the request carries {@code Authorization: Bearer <admin token>} */
    void check(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
        if (!tokens.matches(token)) {
            throw Rejected.forbidden("this endpoint needs Authorization: Bearer <admin token> (TOCHKA_ADMIN_TOKEN)");
        }
        RequestLog.caller(ctx, "admin");
    }
}
