package tochka.acquiring.cli.remote;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.Permission;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.cli.remote.Connection.Target;
import tochka.acquiring.client.AuthenticationException;
import tochka.acquiring.client.ConflictException;
import tochka.acquiring.client.InvalidRequestException;
import tochka.acquiring.client.NetworkException;
import tochka.acquiring.client.NotFoundException;
import tochka.acquiring.client.OutcomeUnknownException;
import tochka.acquiring.client.PermissionException;
import tochka.acquiring.client.RateLimitException;
import tochka.acquiring.client.TochkaException;

/** The API's refusals in words a developer acts on: what went wrong, then what to do; and each one's exit code. */
final class Failures {

    private Failures() {}

    /** {@code error} as a {@link CliFailure}; {@code needed} is the permission the command's calls need. */
    static CliFailure explain(TochkaException error, @Nullable Permission needed, Target target) {
        String said = String.valueOf(error.getMessage());
        if (error instanceof OutcomeUnknownException unknown) {
            return new CliFailure(
                    ExitCodes.NETWORK,
                    said + "\nThe link may or may not exist: look for paymentLinkId " + unknown.paymentLinkId()
                            + " with `tochka payments --payment-link-id " + unknown.paymentLinkId() + "` before"
                            + " you try again.",
                    error);
        }
        if (error instanceof NetworkException) {
            return new CliFailure(
                    ExitCodes.NETWORK,
                    said + "\n"
                            + (target.isBank()
                                    ? "Check the network and the bank's status; the call may be retried."
                                    : "Is the server running (./tochka serve) at that address? Check --base-url or"
                                            + " TOCHKA_BASE_URL."),
                    error);
        }
        if (error instanceof AuthenticationException || error instanceof PermissionException) {
            return new CliFailure(ExitCodes.AUTH, said + "\n" + authHint(error, needed, target), error);
        }
        if (error instanceof NotFoundException) {
            return new CliFailure(
                    ExitCodes.NOT_FOUND,
                    said + "\nCheck the id: it may be mistyped, or belong to a company the token does not act for"
                            + " (`tochka payments` lists the company's payments).",
                    error);
        }
        if (error instanceof ConflictException) {
            return new CliFailure(
                    ExitCodes.CONFLICT,
                    said + "\nThe payment's status does not allow it: see `tochka status OPERATION_ID`.",
                    error);
        }
        if (error instanceof InvalidRequestException) {
            return new CliFailure(ExitCodes.REJECTED, said, error);
        }
        if (error instanceof RateLimitException limited) {
            return new CliFailure(
                    ExitCodes.FAILED,
                    said + "\nToo many requests: try again"
                            + (limited.retryAfter() == null
                                    ? " later."
                                    : " in " + limited.retryAfter().toSeconds() + " s."),
                    error);
        }
        return new CliFailure(ExitCodes.FAILED, said, error);
    }

    private static String authHint(TochkaException error, @Nullable Permission needed, Target target) {
        String said = String.valueOf(error.getMessage());
        Optional<Permission> named = Arrays.stream(Permission.values())
                .filter(permission -> said.contains(permission.name()))
                .findFirst();
        String where = target.isBank()
                ? "in the internet bank («Интеграции и API» → «Подключить» → JWT-ключ)"
                : "in the console (Integrations and API) or with tochka keys create --permissions ...";
        if (named.isPresent()) {
            return "The token lacks " + named.get().name() + ": issue a key with it " + where + ".";
        }
        if (said.contains("customerCode")) {
            return "The token does not act for that company: see `tochka customers` for the ones it does.";
        }
        return "Check the token (--token or TOCHKA_TOKEN): it may be mistyped, expired, revoked or for another"
                + " server; issue a new one " + where
                + (needed == null ? "." : ", with " + needed.name() + ".");
    }
}
