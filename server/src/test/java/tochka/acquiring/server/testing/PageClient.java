package tochka.acquiring.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, for HTTP tests of the pages: it keeps cookies, posts forms, and does not follow
 * redirects, so a test sees every {@code 303} and where it points.
 */
public final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public PageClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A page as the test sees it. */
    public record Page(int status, String body, HttpResponse<byte[]> response) {

        public String location() {
            return response.headers().firstValue("Location").orElse("");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        /** The anti-CSRF token of the page's form. */
        public String csrf() {
            Matcher matcher = CSRF.matcher(body);
            assertThat(matcher.find())
                    .as("a form with a csrf field in %s", body)
                    .isTrue();
            return matcher.group(1);
        }

        public Page expectStatus(int expected) {
            assertThat(status).as("page answered %s", body).isEqualTo(expected);
            return this;
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A page fetched with {@code cookieHeader} as its only cookies, whatever this client holds. */
    public Page getWithCookie(String path, String cookieHeader) {
        HttpClient bare = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return send(
                bare,
                HttpRequest.newBuilder(uri(path)).header("Cookie", cookieHeader).GET());
    }

    /** Posts {@code fields} (name, value, name, value, ...) as an HTML form would. */
    public Page post(String path, String... fields) {
        // Pairs, not a map: a form sends a name once per value (two ticked checkboxes of one name, say).
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) body.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts {@code body} as is, declared as {@code contentType}: what no browser form would send. */
    public Page postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The cookies this browser holds, as its {@code Cookie} header would send them. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Forgets every cookie: a new browser. */
    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : baseUrl + path);
    }

    private Page send(HttpRequest.Builder request) {
        return send(http, request);
    }

    private static Page send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Page(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
