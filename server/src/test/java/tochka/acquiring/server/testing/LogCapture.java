package tochka.acquiring.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * What some loggers write while a test runs, at a level the test chooses: a real Logback appender on those loggers,
 * taken off again (and their levels restored) by {@link #close}.
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, @Nullable Level> levels = new HashMap<>();

    private LogCapture(Level level, List<Class<?>> sources) {
        appender.start();
        for (Class<?> source : sources) {
            Logger logger = (Logger) LoggerFactory.getLogger(source);
            levels.put(logger, logger.getLevel());
            logger.setLevel(level);
            logger.addAppender(appender);
        }
    }

    /** Captures the loggers of {@code sources} at {@code level} until closed. */
    public static LogCapture of(Level level, Class<?>... sources) {
        return new LogCapture(level, List.of(sources));
    }

    /** The events so far. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The formatted messages so far. */
    public List<String> lines() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The first message that matches, waiting up to {@code deadline} for it (lines may follow the response). */
    public String await(Predicate<String> condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        do {
            for (String line : lines()) {
                if (condition.test(line)) return line;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < end);
        throw new AssertionError("no log line matched within " + deadline + "; lines: " + lines());
    }

    @Override
    public void close() {
        levels.forEach((logger, level) -> {
            logger.detachAppender(appender);
            logger.setLevel(level);
        });
        appender.stop();
    }
}
