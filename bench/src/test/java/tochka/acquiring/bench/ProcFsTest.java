package tochka.acquiring.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcFsTest {

    @Test
    void cpu_time_is_utime_plus_stime() {
        String stat = "4242 (java) S 1 4242 4242 0 -1 4194560 88155 0 2 0 1500 250 0 0 20 0 48 0 123456 "
                + "4000000000 90000 18446744073709551615 1 1 0 0 0 0 0 3 16800975 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcFs.cpuTicks(stat)).isEqualTo(1750);
    }

    @Test
    void a_command_name_with_spaces_and_parentheses_does_not_shift_the_fields() {
        String stat = "77 (my (odd) name) R 1 77 77 0 -1 0 0 0 0 0 12 34 0 0 20 0 1 0 5 0 0";

        assertThat(ProcFs.cpuTicks(stat)).isEqualTo(46);
    }

    @Test
    void resident_memory_is_vm_rss_in_bytes() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  381024 kB\nRssAnon:\t  300000 kB\n";

        assertThat(ProcFs.residentBytes(status)).isEqualTo(381024L * 1024);
    }

    @Test
    void a_status_without_vm_rss_is_refused() {
        assertThatThrownBy(() -> ProcFs.residentBytes("Name:\tzombie\nState:\tZ (zombie)\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcFs.cpuTicks("garbage")).isInstanceOf(IllegalArgumentException.class);
    }
}
