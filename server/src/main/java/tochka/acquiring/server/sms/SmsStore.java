package tochka.acquiring.server.sms;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;
import tochka.acquiring.server.core.Ids;

/** The development phone's messages. */
final class SmsStore {

    private static final RowViewMapper<SmsMessage> MESSAGE = row -> new SmsMessage(
            row.getColumn("phone", String.class),
            row.getColumn("text", String.class),
            row.getColumn("sent_at", Instant.class));

    private final Handle handle;

    SmsStore(Handle handle) {
        this.handle = handle;
    }

    void insert(SmsMessage message) {
        handle.createUpdate("INSERT INTO dev_sms (sms_id, phone, text, sent_at) VALUES (:id, :phone, :text, :sentAt)")
                .bind("id", Ids.uuid())
                .bind("phone", message.phone())
                .bind("text", message.text())
                .bind("sentAt", message.sentAt())
                .execute();
    }

    void deleteBefore(Instant before) {
        handle.createUpdate("DELETE FROM dev_sms WHERE sent_at < :before")
                .bind("before", before)
                .execute();
    }

    List<SmsMessage> latest(String phone, int limit) {
        return handle.createQuery(
                        "SELECT * FROM dev_sms WHERE phone = :phone ORDER BY sent_at DESC, sms_id LIMIT :limit")
                .bind("phone", phone)
                .bind("limit", limit)
                .map(MESSAGE)
                .list();
    }
}
