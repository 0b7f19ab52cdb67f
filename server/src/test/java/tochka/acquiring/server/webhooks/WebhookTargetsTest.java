package tochka.acquiring.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may go: the bank's https:443 to public addresses, loopback for a loopback server, and rules. */
class WebhookTargetsTest {

    private static final WebhookTargets LOCAL = new WebhookTargets(true, List.of());
    private static final WebhookTargets EXPOSED = new WebhookTargets(false, List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://shop.example/tochka",
                "https://shop.example:443/hook",
                "https://93.184.215.14/x",
                "http://localhost:8080/hook",
                "http://127.0.0.1:9000/hook",
                "http://127.5.6.7/hook",
                "http://[::1]:8080/hook",
                "https://localhost:8443/hook",
                "http://dev.localhost:3000/hook"
            })
    void the_banks_https_and_loopback_are_accepted_by_a_server_on_loopback(String url) {
        assertThat(LOCAL.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://shop.example/hook          | plain http is accepted only to a loopback address
            http://10.0.0.5/hook              | a private or reserved address
            http://localhost.evil.example/x   | plain http is accepted only to a loopback address
            https://shop.example:8443/hook    | port 443 only
            ftp://shop.example/hook           | absolute https URL
            /relative/hook                    | absolute https URL
            https://user:pw@shop.example/hook | user name or password
            https://shop example/hook         | not a URL
            https://10.1.2.3/hook             | 10.1.2.3 is a private or reserved address
            https://172.16.0.1/hook           | a private or reserved address
            https://192.168.1.1/hook          | a private or reserved address
            https://169.254.169.254/latest    | a private or reserved address
            https://100.64.0.1/hook           | a private or reserved address
            https://0.0.0.0/hook              | a private or reserved address
            https://224.0.0.1/hook            | a private or reserved address
            https://[fe80::1]/hook            | a private or reserved address
            https://[fd00::1]/hook            | a private or reserved address
            https://[::ffff:10.0.0.1]/hook    | a private or reserved address
            https://[::ffff:169.254.169.254]/ | a private or reserved address
            https://[64:ff9b::a00:1]/hook     | a private or reserved address
            https://[2002:a00:1::]/hook       | a private or reserved address
            """)
    void everything_else_is_refused_with_the_reason(String url, String reason) {
        assertThat(LOCAL.problem(url))
                .hasValueSatisfying(problem -> assertThat(problem).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8080/hook",
                "http://127.0.0.1:9000/hook",
                "https://127.0.0.1/hook",
                "http://[::1]:8080/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "http://dev.localhost/hook"
            })
    void a_server_listening_beyond_loopback_refuses_loopback(String url) {
        assertThat(EXPOSED.problem(url))
                .hasValueSatisfying(problem -> assertThat(problem).contains("loopback"));
    }

    @Test
    void every_resolved_address_is_checked_at_delivery() {
        assertThat(EXPOSED.permits("https", "shop.example", 443, ip("93.184.215.14")))
                .isTrue();
        assertThat(EXPOSED.permits("https", "shop.example", 443, ip("10.0.0.1")))
                .isFalse();
        assertThat(EXPOSED.permits("https", "shop.example", 443, ip("127.0.0.1")))
                .isFalse();
        assertThat(EXPOSED.permits("https", "shop.example", 8443, ip("93.184.215.14")))
                .isFalse();
        assertThat(EXPOSED.permits("http", "shop.example", 443, ip("93.184.215.14")))
                .isFalse();
        assertThat(LOCAL.permits("http", "localhost", 8080, ip("127.0.0.1"))).isTrue();
        assertThat(LOCAL.permits("http", "localhost", 8080, ip("::1"))).isTrue();
        assertThat(LOCAL.permits("http", "evil.example", 8080, ip("10.0.0.1"))).isFalse();
    }

    @Test
    void the_operator_may_allow_blocks_and_hosts() {
        var targets = WebhookTargets.of(
                new WebhookPolicy(
                        1,
                        java.time.Duration.ofSeconds(1),
                        false,
                        java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(1),
                        List.of("10.0.0.0/8", "hooks.internal:8080", "fd00::/8")),
                "0.0.0.0");

        assertThat(targets.problem("http://10.1.2.3:9000/hook")).isEmpty();
        assertThat(targets.problem("http://hooks.internal:8080/hook")).isEmpty();
        assertThat(targets.problem("http://[fd00::5]/hook")).isEmpty();
        assertThat(targets.problem("http://192.168.1.1/hook")).isPresent();
        assertThat(targets.problem("http://127.0.0.1:8080/hook")).isPresent();
        assertThat(targets.permits("http", "hooks.internal", 8080, ip("192.168.5.5")))
                .isTrue();
        assertThat(targets.permits("http", "hooks.internal", 8081, ip("192.168.5.5")))
                .isFalse();
        assertThat(targets.permits("http", "other.internal", 80, ip("10.9.9.9")))
                .isTrue();
        assertThat(targets.permits("http", "other.internal", 80, ip("172.16.0.1")))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example/hook", "https://shop.example:8443/hook", "http://10.0.0.5:8080/"})
    void any_url_allows_every_target(String url) {
        var targets = WebhookTargets.of(
                new WebhookPolicy(
                        1,
                        java.time.Duration.ofSeconds(1),
                        false,
                        java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(1),
                        WebhookTargets.ANY),
                "0.0.0.0");

        assertThat(targets.problem(url)).isEmpty();
    }

    @Test
    void listening_on_localhost_is_loopback_and_on_every_interface_is_not() {
        assertThat(WebhookTargets.of(WebhookPolicy.BANK, "127.0.0.1").loopback())
                .isTrue();
        assertThat(WebhookTargets.of(WebhookPolicy.BANK, "localhost").loopback())
                .isTrue();
        assertThat(WebhookTargets.of(WebhookPolicy.BANK, "0.0.0.0").loopback()).isFalse();
        assertThat(WebhookTargets.of(WebhookPolicy.BANK, "::").loopback()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0/33", "host:0", "host:x", "a b", "http://x/"})
    void bad_rules_are_refused_naming_themselves(String rule) {
        assertThatThrownBy(() -> WebhookTargets.Rule.parse(rule)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void public_and_not_public_addresses() {
        assertThat(AddressBlock.isPublic(ip("8.8.8.8"))).isTrue();
        assertThat(AddressBlock.isPublic(ip("2a00:1450:4010::64"))).isTrue();
        for (String reserved : List.of(
                "127.0.0.1",
                "10.0.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "169.254.1.1",
                "100.127.0.1",
                "0.1.2.3",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "ff02::1",
                "2001:db8::1")) {
            assertThat(AddressBlock.isPublic(ip(reserved))).as(reserved).isFalse();
        }
    }

    private static InetAddress ip(String literal) {
        return AddressBlock.literal(literal).orElseThrow();
    }
}
