package tochka.acquiring.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * How {@code serve} writes its log: {@code text} for people (what {@link LogSetup} sets up), or {@code json}, one object
 * per line for log shippers, by Logback's own {@link JsonEncoder}. The JSON keeps the fields a shipper needs
 * ({@code timestamp} in epoch milliseconds, {@code level}, {@code threadName}, {@code loggerName}, {@code mdc},
 * {@code kvpList} with the request log's fields, {@code formattedMessage}, {@code throwable}) and leaves out the
 * message template, its arguments and the logger context, which only repeat the message or say nothing per line.
 */
enum LogFormat {
    text,
    json;

    /** Switches the root logger's appenders to this format; call it before anything of note is logged. */
    void apply() {
        if (this == text || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                JsonEncoder encoder = new JsonEncoder();
                encoder.setContext(context);
                encoder.setWithSequenceNumber(false);
                encoder.setWithNanoseconds(false);
                encoder.setWithContext(false);
                encoder.setWithMessage(false);
                encoder.setWithArguments(false);
                encoder.setWithFormattedMessage(true);
                encoder.start();
                appender.stop();
                appender.setEncoder(encoder);
                appender.start();
            }
        }
    }
}
