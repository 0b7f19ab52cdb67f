package tochka.acquiring.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The few plain calls the bench makes outside wrk's load: setup, capturing bodies, the webhook scenario. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    HttpClient client() {
        return client;
    }

    HttpRequest request(String method, String path, @Nullable String bearer, @Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        if (json != null) request.header("Content-Type", "application/json");
        return request.method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    /** Sends and returns the answer; anything but 2xx fails the run. */
    WireMockStubs.Captured call(String method, String path, @Nullable String bearer, @Nullable String json)
            throws IOException, InterruptedException {
        HttpResponse<String> answer =
                client.send(request(method, path, bearer, json), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new BenchFailure(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return new WireMockStubs.Captured(
                answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse("application/json"),
                answer.body());
    }
}
