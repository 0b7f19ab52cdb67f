package tochka.acquiring.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Plain HTTP against a running server: JSON bodies in, {@link ApiResponse} out, with an {@code Authorization} header
 * of its choosing. Every response passes the {@link ResponseCheck}s found on the classpath before it is returned.
 */
public final class ApiClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final @Nullable String authorization;

    private ApiClient(String baseUrl, @Nullable String authorization) {
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

    /** {@code method} on {@code baseUrl + path}; a non-null {@code body} is sent as {@code application/json}. */
    public ApiResponse send(String method, String path, @Nullable String body) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (authorization != null) request.header("Authorization", authorization);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String fullPath = uri.getRawPath() + query(path);
            ApiResponse result = new ApiResponse(method, fullPath, response.statusCode(), response.body());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            for (ResponseCheck check : Checks.ALL) check.check(result, contentType);
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

    /** The checks on the classpath, found once, on first use. */
    private static final class Checks {
        static final List<ResponseCheck> ALL = ServiceLoader.load(ResponseCheck.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
