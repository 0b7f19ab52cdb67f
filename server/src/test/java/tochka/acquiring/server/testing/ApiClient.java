package tochka.acquiring.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.contract.OpenApiContract;

/**
 * Raw HTTP against a running server. Every JSON response of a method that the bank's spec describes is validated
 * against that method's response schema for its status, so no test can receive a body the bank would not send.
 */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final @Nullable String authorization;

    ApiClient(String baseUrl, @Nullable String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** A client of {@code baseUrl} sending {@code Authorization: Bearer <token>}. */
    public static ApiClient bearer(String baseUrl, String token) {
        return new ApiClient(baseUrl, "Bearer " + token);
    }

    /** The same client with another (or, for null, no) Authorization header. */
    public ApiClient withAuthorization(@Nullable String authorization) {
        return new ApiClient(baseUrl, authorization);
    }

    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    public ApiResponse post(String path, String body) {
        return send("POST", path, body);
    }

    public ApiResponse send(String method, String path, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (authorization != null) request.header("Authorization", authorization);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String fullPath = URI.create(baseUrl + path).getRawPath() + query(path);
            ApiResponse result = new ApiResponse(method, fullPath, response.statusCode(), response.body());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            OpenApiContract contract = OpenApiContract.load();
            if (contentType.startsWith("application/json") && contract.covers(method, fullPath)) {
                contract.validate(method, fullPath, result.status(), result.body());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String query(String path) {
        int question = path.indexOf('?');
        return question < 0 ? "" : path.substring(question);
    }
}
