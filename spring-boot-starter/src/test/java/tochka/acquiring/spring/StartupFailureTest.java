package tochka.acquiring.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tochka.acquiring.spring.app.WebhookTestApplication;

@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void an_application_without_a_token_stops_with_what_is_wrong_and_what_to_do(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(WebhookTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off");

        assertThatThrownBy(application::run).rootCause().isInstanceOf(TochkaPropertiesException.class);

        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("tochka.token: no token is set for https://enter.tochka.com/uapi")
                .contains("Set tochka.token to the JWT key")
                .doesNotContain("NullPointerException");
    }
}
