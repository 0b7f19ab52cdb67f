package tochka.acquiring.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the sign-in page sends a user after: a console page, never another site. */
class SignInTargetTest {

    @Test
    void console_pages_are_kept() {
        assertThat(ConsoleSite.next("/console")).isEqualTo("/console");
        assertThat(ConsoleSite.next("/console/payments?status=APPROVED"))
                .isEqualTo("/console/payments?status=APPROVED");
        assertThat(ConsoleSite.next("/console?lang=en")).isEqualTo("/console?lang=en");
    }

    @Test
    void anything_else_goes_home() {
        for (String elsewhere : new String[] {
            null,
            "",
            "https://evil.example/console",
            "//evil.example/console",
            "/\\evil.example",
            "/console\\..\\evil",
            "/consoleevil",
            "/order/?uuid=1",
            "/console/\nSet-Cookie: x=1",
            "/console/ space",
            "/console/" + "a".repeat(2001)
        }) {
            assertThat(ConsoleSite.next(elsewhere)).as("%s", elsewhere).isEqualTo("/console");
        }
    }
}
