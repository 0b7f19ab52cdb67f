package tochka.acquiring.server.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;

/** Console users, their companies and their sessions. */
final class UserStore {

    private final Handle handle;

    private final RowViewMapper<ConsoleUser> user = row -> {
        String userId = row.getColumn("user_id", String.class);
        return new ConsoleUser(
                userId,
                row.getColumn("login", String.class),
                Role.valueOf(row.getColumn("role", String.class)),
                row.getColumn("phone", String.class),
                companies(userId),
                row.getColumn("must_change_password", Boolean.class),
                row.getColumn("created_at", Instant.class),
                row.getColumn("locked_until", Instant.class));
    };

    UserStore(Handle handle) {
        this.handle = handle;
    }

    void insert(ConsoleUser user, String passwordHash) {
        handle.createUpdate("""
                        INSERT INTO console_user (user_id, login, password_hash, role, phone, must_change_password,
                            failed_logins, locked_until, created_at)
                        VALUES (:userId, :login, :hash, :role, :phone, :mustChange, 0, NULL, :createdAt)
                        """)
                .bind("userId", user.userId())
                .bind("login", user.login())
                .bind("hash", passwordHash)
                .bind("role", user.role().name())
                .bind("phone", user.phone())
                .bind("mustChange", user.mustChangePassword())
                .bind("createdAt", user.createdAt())
                .execute();
        setCompanies(user.userId(), user.customerCodes());
    }

    Optional<ConsoleUser> byLogin(String login) {
        return handle.createQuery("SELECT * FROM console_user WHERE login = :login")
                .bind("login", login)
                .map(user)
                .findOne();
    }

    Optional<ConsoleUser> byId(String userId) {
        return handle.createQuery("SELECT * FROM console_user WHERE user_id = :userId")
                .bind("userId", userId)
                .map(user)
                .findOne();
    }

    Optional<String> passwordHash(String userId) {
        return handle.createQuery("SELECT password_hash FROM console_user WHERE user_id = :userId")
                .bind("userId", userId)
                .mapTo(String.class)
                .findOne();
    }

    List<ConsoleUser> all() {
        return handle.createQuery("SELECT * FROM console_user ORDER BY login")
                .map(user)
                .list();
    }

    int count() {
        return handle.createQuery("SELECT COUNT(*) FROM console_user")
                .mapTo(Integer.class)
                .one();
    }

    void setPassword(String userId, String passwordHash, boolean mustChange) {
        handle.createUpdate("""
                        UPDATE console_user SET password_hash = :hash, must_change_password = :mustChange,
                            failed_logins = 0, locked_until = NULL
                        WHERE user_id = :userId
                        """)
                .bind("userId", userId)
                .bind("hash", passwordHash)
                .bind("mustChange", mustChange)
                .execute();
    }

    void setCompanies(String userId, Set<String> customerCodes) {
        handle.createUpdate("DELETE FROM console_user_company WHERE user_id = :userId")
                .bind("userId", userId)
                .execute();
        for (String code : customerCodes) {
            handle.createUpdate("INSERT INTO console_user_company (user_id, customer_code) VALUES (:userId, :code)")
                    .bind("userId", userId)
                    .bind("code", code)
                    .execute();
        }
    }

    /**
     * Counts a failed sign-in; the {@code max}-th in a row locks the user until {@code lockUntil} and starts the
     * count again, in one statement, so parallel attempts cannot slip past the limit.
     */
    void failedSignIn(String userId, int max, Instant lockUntil) {
        handle.createUpdate("""
                        UPDATE console_user
                        SET locked_until = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END,
                            failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END
                        WHERE user_id = :userId
                        """)
                .bind("userId", userId)
                .bind("max", max)
                .bind("lockUntil", lockUntil)
                .execute();
    }

    void unlock(String userId) {
        handle.createUpdate("UPDATE console_user SET failed_logins = 0, locked_until = NULL WHERE user_id = :userId")
                .bind("userId", userId)
                .execute();
    }

    void delete(String userId) {
        endSessionsOf(userId);
        handle.createUpdate("DELETE FROM console_user_company WHERE user_id = :userId")
                .bind("userId", userId)
                .execute();
        handle.createUpdate("DELETE FROM console_user WHERE user_id = :userId")
                .bind("userId", userId)
                .execute();
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    void insertSession(String sessionHash, String userId, Instant now, Instant expiresAt) {
        handle.createUpdate("""
                        INSERT INTO console_session (session_hash, user_id, created_at, last_seen_at, expires_at)
                        VALUES (:hash, :userId, :now, :now, :expiresAt)
                        """)
                .bind("hash", sessionHash)
                .bind("userId", userId)
                .bind("now", now)
                .bind("expiresAt", expiresAt)
                .execute();
    }

    /** The user of a live session: not past its end, and seen since {@code idleSince}. */
    Optional<String> sessionUser(String sessionHash, Instant now, Instant idleSince) {
        return handle.createQuery("""
                        SELECT user_id FROM console_session
                        WHERE session_hash = :hash AND expires_at > :now AND last_seen_at > :idleSince
                        """)
                .bind("hash", sessionHash)
                .bind("now", now)
                .bind("idleSince", idleSince)
                .mapTo(String.class)
                .findOne();
    }

    /** Marks a session seen at {@code now}, unless it was seen since {@code seenSince} (one write a minute at most). */
    void touchSession(String sessionHash, Instant now, Instant seenSince) {
        handle.createUpdate("""
                        UPDATE console_session SET last_seen_at = :now
                        WHERE session_hash = :hash AND last_seen_at <= :seenSince
                        """)
                .bind("hash", sessionHash)
                .bind("now", now)
                .bind("seenSince", seenSince)
                .execute();
    }

    void endSession(String sessionHash) {
        handle.createUpdate("DELETE FROM console_session WHERE session_hash = :hash")
                .bind("hash", sessionHash)
                .execute();
    }

    void endSessionsOf(String userId) {
        handle.createUpdate("DELETE FROM console_session WHERE user_id = :userId")
                .bind("userId", userId)
                .execute();
    }

    void endSessionsBefore(Instant now, Instant idleSince) {
        handle.createUpdate("DELETE FROM console_session WHERE expires_at <= :now OR last_seen_at <= :idleSince")
                .bind("now", now)
                .bind("idleSince", idleSince)
                .execute();
    }

    /** Spends a one-time form token: false when it was spent before (one statement, so two submits race safely). */
    boolean spendFormToken(String token, Instant now) {
        return handle.createUpdate("""
                                INSERT INTO console_form_use (form_token, used_at) VALUES (:token, :now)
                                ON CONFLICT (form_token) DO NOTHING
                                """).bind("token", token).bind("now", now).execute() == 1;
    }

    void forgetFormTokensBefore(Instant before) {
        handle.createUpdate("DELETE FROM console_form_use WHERE used_at < :before")
                .bind("before", before)
                .execute();
    }

    private Set<String> companies(String userId) {
        return handle.createQuery("SELECT customer_code FROM console_user_company WHERE user_id = :userId")
                .bind("userId", userId)
                .mapTo(String.class)
                .set();
    }
}
