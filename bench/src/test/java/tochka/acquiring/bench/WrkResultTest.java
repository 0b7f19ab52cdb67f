package tochka.acquiring.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {

    private static final String LINE = "{\"requests\":30000,\"durationUs\":15000000,\"bytes\":9000000,"
            + "\"errors\":{\"connect\":0,\"read\":0,\"write\":0,\"status\":0,\"timeout\":0},"
            + "\"latencyUs\":{\"p50\":1200,\"p99\":8000,\"p999\":15000,\"max\":22000}}";

    @Test
    void reads_the_line_the_lua_scripts_write() {
        WrkResult result = WrkResult.parse(LINE);

        assertThat(result.requests()).isEqualTo(30000);
        assertThat(result.bytes()).isEqualTo(9000000);
        assertThat(result.latencyUs()).isEqualTo(new WrkResult.Latency(1200, 8000, 15000, 22000));
        assertThat(result.throughput()).isEqualTo(2000.0);
        assertThat(result.errorCount()).isZero();
        assertThat(result.flows()).isZero();
    }

    @Test
    void reads_the_flow_scripts_counters() {
        WrkResult result = WrkResult.parse(LINE.replace("}}", "},\"flows\":7500,\"creates\":7501,\"broken\":0}"));

        assertThat(result.flows()).isEqualTo(7500);
        assertThat(result.creates()).isEqualTo(7501);
        assertThat(result.flowThroughput()).isEqualTo(500.0);
    }

    @Test
    void names_every_kind_of_error_it_counted() {
        WrkResult result = WrkResult.parse(LINE.replace("\"status\":0,\"timeout\":0", "\"status\":3,\"timeout\":1")
                .replace("}}", "},\"broken\":2}"));

        assertThat(result.errorCount()).isEqualTo(6);
        assertThat(result.describeErrors())
                .isEqualTo("status 3, timeout 1, non-2xx or unreadable answers in the flow 2");
    }

    @Test
    void refuses_a_line_of_another_shape() {
        assertThatThrownBy(() -> WrkResult.parse("Running 15s test @ http://127.0.0.1:8080"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WrkResult.parse(LINE.replace("\"bytes\"", "\"bites\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
