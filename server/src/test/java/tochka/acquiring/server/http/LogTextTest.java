package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void plain_text_is_left_alone() {
        String text = "GET /uapi/acquiring/v1.0/payments 200 — платёж 😀";
        assertThat(LogText.escape(text)).isSameAs(text);
    }

    @Test
    void line_breaks_controls_separators_and_bidi_overrides_are_written_as_escapes() {
        assertThat(LogText.escape("a\nb\rc\u0000d\u001be\u0085f\u2028g\u2029h\u202ei"))
                .isEqualTo("a\\u000ab\\u000dc\\u0000d\\u001be\\u0085f\\u2028g\\u2029h\\u202ei");
    }

    @Test
    void a_backslash_is_doubled_so_a_written_escape_cannot_pass_for_ours() {
        assertThat(LogText.escape("x\\u000ay\n")).isEqualTo("x\\\\u000ay\\u000a");
    }
}
