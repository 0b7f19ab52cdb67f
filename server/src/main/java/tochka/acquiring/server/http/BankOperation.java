package tochka.acquiring.server.http;

import java.util.Locale;

/** One of the bank's operations that the server implements, in the spec's spelling: {@code post /acquiring/v1.0/payments}. */
public record BankOperation(String method, String path) {
    public BankOperation {
        method = method.toLowerCase(Locale.ROOT);
    }
}
