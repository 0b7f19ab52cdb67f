package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/tochka", "https://shop.example:443/hook", "http://localhost:8080/hook",
        "http://127.0.0.1:9000/hook", "http://127.5.6.7/hook", "http://[::1]:8080/hook"})
    void the_banks_https_and_loopback_http_are_accepted(String url) {
        assertThat(WebhookUrls.problem(url, false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://shop.example/hook          | plain http is accepted only to a loopback address
            http://10.0.0.5/hook              | plain http is accepted only to a loopback address
            http://localhost.evil.example/x   | plain http is accepted only to a loopback address
            https://shop.example:8443/hook    | port 443 only
            ftp://shop.example/hook           | absolute https URL
            /relative/hook                    | absolute https URL
            https://user:pw@shop.example/hook | user name or password
            https://shop example/hook         | not a URL
            """)
    void everything_else_is_refused_with_the_reason(String url, String reason) {
        assertThat(WebhookUrls.problem(url, false)).hasValueSatisfying(problem -> assertThat(problem).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example/hook", "https://shop.example:8443/hook"})
    void the_operator_may_allow_any_http_target(String url) {
        assertThat(WebhookUrls.problem(url, true)).isEmpty();
    }
}
