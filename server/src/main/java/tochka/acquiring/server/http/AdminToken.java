package tochka.acquiring.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import tochka.acquiring.server.service.Rejected;

/** The operator's token, which our own endpoints (test control, delivery log) require; compared in constant time. */
final class AdminToken {

    private final byte[] expected;

    AdminToken(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws Rejected (403) unless the request carries {@code Authorization: Bearer <admin token>} */
    void check(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !MessageDigest.isEqual(header.trim().getBytes(StandardCharsets.UTF_8), expected)) {
            throw Rejected.forbidden("this endpoint needs Authorization: Bearer <admin token> (TOCHKA_ADMIN_TOKEN)");
        }
        RequestLog.caller(ctx, "admin");
    }
}
