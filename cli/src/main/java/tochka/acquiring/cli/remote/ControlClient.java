package tochka.acquiring.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;

/**
 * This project's test-control API ({@code /control/v1}: play the buyer, expire a link, move the clock) over plain
 * HTTP with the admin token. Not in the SDK on purpose: the bank has no such API, and the SDK speaks only the bank's.
 * Its refusals become a {@link CliFailure} quoting the server and saying what to do.
 */
final class ControlClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** An operation is a few KB; anything much larger is not this server answering. */
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI root;
    private final String adminToken;

    ControlClient(URI root, String adminToken) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.root = root;
        this.adminToken = adminToken;
    }

    /** The client for {@code connection}'s server; refused in words for the bank, or without the admin token. */
    static ControlClient of(Connection connection, String what) {
        URI root = connection.serverRoot(what);
        return new ControlClient(root, connection.adminToken());
    }

    /**
     * A buyer's attempt on {@code operationId}: {@code outcome} approve, authorize or decline, paying with
     * {@code paymentType}; returns the operation after it ({@code Data.Operation[0]}).
     */
    JsonNode simulate(String operationId, String paymentType, String outcome) {
        String body = JSON.createObjectNode()
                .put("paymentType", paymentType)
                .put("outcome", outcome)
                .toString();
        return operation(post("/control/v1/payments/" + segment(operationId) + "/simulate", body));
    }

    /** Expires the unpaid link {@code operationId} now; returns the operation after it. */
    JsonNode expire(String operationId) {
        return operation(post("/control/v1/payments/" + segment(operationId) + "/expire", ""));
    }

    /** Moves the server's clock forward; returns the server's time after the move, as it wrote it. */
    String advanceClock(long minutes) {
        JsonNode answer = post(
                "/control/v1/clock/advance",
                JSON.createObjectNode().put("minutes", minutes).toString());
        JsonNode now = answer.path("Data").path("now");
        if (!now.isTextual()) throw unexpected("no Data.now in " + abbreviated(answer.toString()));
        return now.asText();
    }

    private JsonNode operation(JsonNode answer) {
        JsonNode operation = answer.path("Data").path("Operation").path(0);
        if (!operation.isObject()) throw unexpected("no Data.Operation[0] in " + abbreviated(answer.toString()));
        return operation;
    }

    private JsonNode post(String path, String body) {
        URI uri = URI.create(root.toString().replaceAll("/+$", "") + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response;
        String text;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
                if (bytes.length > MAX_ANSWER_BYTES) {
                    throw unexpected(uri + " answered more than " + MAX_ANSWER_BYTES + " bytes: is " + root
                            + " this project's server?");
                }
                text = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(uri, "cannot connect", e);
        } catch (HttpTimeoutException e) {
            throw unreachable(uri, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw unreachable(uri, String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.FAILED, "interrupted while waiting for " + uri, e);
        }
        JsonNode json = parse(text);
        int status = response.statusCode();
        if (status == 200) {
            if (json == null)
                throw unexpected(uri + " answered 200 with no JSON: is " + root + " this project's server?");
            return json;
        }
        throw refused(status, json == null ? abbreviated(text) : message(json), json);
    }

    private CliFailure refused(int status, String said, @Nullable JsonNode json) {
        String quoted = "the server answered " + status + ": " + said;
        if (status == 400) {
            if (errorCode(json).equals("Operation Not Allowed")) {
                return new CliFailure(
                        ExitCodes.CONFLICT,
                        quoted + "\nThe payment's status does not allow it: see `tochka status OPERATION_ID`.");
            }
            return new CliFailure(ExitCodes.REJECTED, quoted);
        }
        if (status == 401 || status == 403) {
            return new CliFailure(
                    ExitCodes.AUTH,
                    quoted + "\nThe admin token is wrong: set " + Connection.ADMIN_TOKEN + " to the one the server"
                            + " printed at its start (tochka serve writes it to data/demo.env: set -a; . data/demo.env;"
                            + " set +a).");
        }
        if (status == 404) {
            if (said.contains("--no-control")) {
                return new CliFailure(
                        ExitCodes.NOT_FOUND,
                        quoted + "\nThe server runs with --no-control: start it without that flag to use test"
                                + " control.");
            }
            if (said.contains("operation ")) {
                return new CliFailure(
                        ExitCodes.NOT_FOUND,
                        quoted + "\nCheck the operationId: `tochka payments` lists the company's payments.");
            }
            return new CliFailure(
                    ExitCodes.NOT_FOUND,
                    quoted + "\nIs " + root + " this project's server (tochka serve)? Check " + Connection.SERVER_URL
                            + " or --base-url.");
        }
        return new CliFailure(ExitCodes.FAILED, quoted);
    }

    private CliFailure unreachable(URI uri, String why, Exception cause) {
        return new CliFailure(
                ExitCodes.NETWORK,
                uri + ": " + why + "\nIs the server running (./tochka serve) at that address? Check --base-url, "
                        + Connection.BASE_URL + " or " + Connection.SERVER_URL + ".",
                cause);
    }

    private CliFailure unexpected(String what) {
        return new CliFailure(ExitCodes.FAILED, "unexpected answer from the test-control API: " + what);
    }

    private static @Nullable JsonNode parse(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            return json == null || json.isMissingNode() ? null : json;
        } catch (IOException e) {
            return null;
        }
    }

    /** The bank's error body's {@code message}, else the whole body, shortened. */
    private static String message(JsonNode json) {
        JsonNode message = json.path("message");
        return message.isTextual() ? abbreviated(message.asText()) : abbreviated(json.toString());
    }

    private static String errorCode(@Nullable JsonNode json) {
        return json == null ? "" : json.path("Errors").path(0).path("errorCode").asText("");
    }

    private static String abbreviated(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    /** {@code value} as one path segment: an id typed with a slash or a space stays one segment. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
