package tochka.acquiring.server.sms;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.server.core.ServerClock;
import tochka.acquiring.server.core.Transactions;

/**
 * The development SMS gateway: a message goes nowhere outside the server; it is logged and kept in the database
 * (so every node of a cluster shows it) for the console's "phone" panel, which shows a signed-in user the messages
 * to their phone. Messages are kept for a day: a confirmation code is worth nothing after five minutes.
 */
public final class DevSmsGateway implements SmsGateway {

    /** How long the phone keeps a message. */
    public static final Duration KEPT = Duration.ofDays(1);
    /** How many of the latest messages the phone shows. */
    public static final int SHOWN = 20;

    private static final Logger log = LoggerFactory.getLogger(DevSmsGateway.class);

    private final Transactions db;
    private final ServerClock clock;

    public DevSmsGateway(Transactions db, ServerClock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String text) {
        SmsMessage message = new SmsMessage(phone, text, clock.instant());
        db.useTransaction(handle -> {
            SmsStore store = new SmsStore(handle);
            store.deleteBefore(message.sentAt().minus(KEPT));
            store.insert(message);
        });
        // The development gateway's whole point is that a tester can read the code: the log is its second screen.
        log.info("SMS to {} (development gateway, see /console/phone): {}", phone, text);
    }

    /** The latest messages to {@code phone}, newest first. */
    public List<SmsMessage> inbox(String phone) {
        return db.withHandle(handle -> new SmsStore(handle).latest(phone, SHOWN));
    }
}
