package tochka.acquiring.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The tests' log lines carry the date and the offset (ISO 8601), not only the time of day. */
class LogTimestampsTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_test_log_line_starts_with_an_iso_date_time_and_offset() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        var appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
        var encoder = (LayoutWrappingEncoder<ILoggingEvent>) appender.getEncoder();

        String line = encoder.getLayout().doLayout(new LoggingEvent("test", root, Level.INFO, "hello", null, null));

        assertThat(line)
                .matches(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  ROOT - hello\\R");
    }
}
