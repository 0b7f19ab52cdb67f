package tochka.acquiring.server.users;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tochka.acquiring.server.core.Database;
import tochka.acquiring.server.core.Hmac;
import tochka.acquiring.server.core.Ids;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.core.Transactions;
import tochka.acquiring.server.directory.Company;
import tochka.acquiring.server.directory.DirectoryService;

/**
 * The console's users: adding and changing them, signing in with a lock-out after repeated failures, and sessions.
 * A session is a random cookie the database knows only by its SHA-256; it ends after an hour without a request, or
 * twelve hours after sign-in, at sign-out, and when the user's password changes or the user is removed.
 */
public final class Users {

    /** The admin the first start makes. */
    public static final String FIRST_ADMIN = "admin";
    /** The phone confirmation codes go to when none is given: the development gateway shows them in the console. */
    public static final String DEFAULT_PHONE = "+79000000000";
    /** Failed sign-ins in a row that lock a user. */
    public static final int MAX_FAILED_SIGN_INS = 5;
    /** How long a lock lasts. */
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** A session ends this long after its last request. */
    public static final Duration IDLE = Duration.ofHours(1);
    /** A session ends this long after sign-in, whatever its use. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 128;

    private static final Logger log = LoggerFactory.getLogger(Users.class);
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{11,15}");
    /** A session is marked seen at most once in this time: a request does not cost a write. */
    private static final Duration TOUCH = Duration.ofMinutes(1);

    private final Transactions db;
    /**
     * The wall clock, not the server's: the test-control API moves the server's clock days ahead to expire links,
     * and that must neither end every console session nor lift a lock-out.
     */
    private final Clock clock;

    private final byte[] csrfSecret;

    public Users(Transactions db, Clock clock, String csrfSecret) {
        this.db = db;
        this.clock = clock;
        this.csrfSecret = csrfSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** What a new user is made of; {@code customerCodes} are the companies of a company user (none for an admin). */
    public record NewUser(String login, String password, Role role, String phone, Set<String> customerCodes) {}

    /**
     * Adds a user.
     *
     * @throws Rejected (400) naming a bad or taken login, a short or long password, a bad phone, or companies that
     *     do not fit the role or do not exist
     */
    public ConsoleUser add(NewUser user) {
        String login = normalLogin(user.login());
        checkPassword(user.password());
        if (!PHONE.matcher(user.phone()).matches()) {
            throw Rejected.invalid("phone", "must be + and 11 to 15 digits, e.g. " + DEFAULT_PHONE);
        }
        ConsoleUser made = new ConsoleUser(
                Ids.uuid(), login, user.role(), user.phone(), user.customerCodes(), false, clock.instant(), null);
        String hash = PasswordHasher.hash(user.password());
        try {
            db.useTransaction(handle -> {
                checkCompanies(handle, user.role(), user.customerCodes());
                UserStore store = new UserStore(handle);
                if (store.byLogin(login).isPresent()) throw Rejected.invalid("login", login + " is taken");
                store.insert(made, hash);
            });
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) throw Rejected.invalid("login", login + " is taken");
            throw e;
        }
        log.info("console user {} ({}) added", login, user.role());
        return made;
    }

    public List<ConsoleUser> list() {
        return db.withHandle(handle -> new UserStore(handle).all());
    }

    public Optional<ConsoleUser> find(String login) {
        return db.withHandle(handle -> new UserStore(handle).byLogin(login.toLowerCase(Locale.ROOT)));
    }

    /**
     * Sets a user's password and ends their sessions; {@code mustChange}: they must choose another at next sign-in.
     *
     * @throws Rejected (404) for an unknown login, (400) for a short or long password
     */
    public void setPassword(String login, String password, boolean mustChange) {
        checkPassword(password);
        String hash = PasswordHasher.hash(password);
        db.useTransaction(handle -> {
            UserStore store = new UserStore(handle);
            ConsoleUser user = existing(store, login);
            store.setPassword(user.userId(), hash, mustChange);
            store.endSessionsOf(user.userId());
        });
        log.info("console user {}: password set", login);
    }

    /**
     * A signed-in user changes their own password; their other sessions end, this one goes on.
     *
     * @throws Rejected (400) when {@code current} is wrong, or {@code chosen} is short, long or the same
     */
    public void changeOwnPassword(String userId, String current, String chosen, @Nullable String sessionToken) {
        checkPassword(chosen);
        if (chosen.equals(current)) throw Rejected.invalid("password", "must differ from the current one");
        String stored = db.withHandle(handle -> new UserStore(handle).passwordHash(userId))
                .orElseThrow(() -> Rejected.notFound("no such user"));
        PasswordHasher.Verdict verdict = PasswordHasher.check(current, stored);
        if (verdict == PasswordHasher.Verdict.BUSY) throw Rejected.notAllowed("the server is busy: try again");
        if (verdict != PasswordHasher.Verdict.MATCH) throw Rejected.invalid("current", "is not your password");
        String hash = PasswordHasher.hash(chosen);
        db.useTransaction(handle -> {
            UserStore store = new UserStore(handle);
            store.setPassword(userId, hash, false);
            store.endSessionsOf(userId);
            if (sessionToken != null) {
                Instant now = clock.instant();
                store.insertSession(sessionHash(sessionToken), userId, now, now.plus(LIFETIME));
            }
        });
    }

    /**
     * Sets which companies a company user acts for.
     *
     * @throws Rejected (404) for an unknown login, (400) for companies that do not exist or an admin's companies
     */
    public void setCompanies(String login, Set<String> customerCodes) {
        db.useTransaction(handle -> {
            UserStore store = new UserStore(handle);
            ConsoleUser user = existing(store, login);
            checkCompanies(handle, user.role(), customerCodes);
            store.setCompanies(user.userId(), customerCodes);
        });
    }

    /** Lifts a lock-out. @throws Rejected (404) for an unknown login */
    public void unlock(String login) {
        db.useTransaction(handle -> {
            UserStore store = new UserStore(handle);
            store.unlock(existing(store, login).userId());
        });
    }

    /** Removes a user and ends their sessions. @throws Rejected (404) for an unknown login */
    public void remove(String login) {
        db.useTransaction(handle -> {
            UserStore store = new UserStore(handle);
            store.delete(existing(store, login).userId());
        });
        log.info("console user {} removed", login);
    }

    /**
     * Makes the first admin when there is no user yet: with {@code configured} as the password (the operator's own),
     * or with a random one-time password that must be changed at the first sign-in. Returns the password when this
     * call made the admin; empty when users existed (or another node made the admin first).
     */
    public Optional<String> ensureFirstAdmin(@Nullable String configured) {
        if (db.withHandle(handle -> new UserStore(handle).count()) > 0) return Optional.empty();
        String password =
                configured != null ? configured : Ids.alphanumeric("", 16).toLowerCase(Locale.ROOT);
        checkPassword(password);
        ConsoleUser admin = new ConsoleUser(
                Ids.uuid(),
                FIRST_ADMIN,
                Role.ADMIN,
                DEFAULT_PHONE,
                Set.of(),
                configured == null,
                clock.instant(),
                null);
        try {
            String hash = PasswordHasher.hash(password);
            db.useTransaction(handle -> new UserStore(handle).insert(admin, hash));
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) return Optional.empty();
            throw e;
        }
        return Optional.of(password);
    }

    /**
     * Whether {@code password} is {@code login}'s password now: for {@code tochka serve}, which goes on showing the
     * first admin's password from {@code demo.env} only while it holds. Signs no one in and counts no failure.
     */
    public boolean passwordHolds(String login, String password) {
        if (password.isEmpty() || password.length() > MAX_PASSWORD) return false;
        Optional<String> hash = db.withHandle(handle -> {
            UserStore store = new UserStore(handle);
            return store.byLogin(login.toLowerCase(Locale.ROOT)).flatMap(user -> store.passwordHash(user.userId()));
        });
        return hash.isPresent() && PasswordHasher.check(password, hash.get()) == PasswordHasher.Verdict.MATCH;
    }

    /** How a sign-in went: a session's cookie value, or why not. */
    public sealed interface SignIn {
        record SignedIn(String sessionToken, ConsoleUser user) implements SignIn {}

        /** A wrong login or password: which of the two is never said. */
        record Refused() implements SignIn {}

        record Locked(Instant until) implements SignIn {}

        /** Too many sign-ins at once: nothing was checked or counted. */
        record Busy() implements SignIn {}
    }

    /**
     * Signs {@code login} in. A wrong password counts towards the lock-out; a locked user is refused whatever the
     * password, and an unknown login costs the same time as a known one.
     */
    public SignIn signIn(String login, String password) {
        Instant now = clock.instant();
        String normal = login.trim().toLowerCase(Locale.ROOT);
        if (normal.length() > 64 || password.length() > MAX_PASSWORD) return new SignIn.Refused();
        Optional<ConsoleUser> found = db.withHandle(handle -> new UserStore(handle).byLogin(normal));
        if (found.isEmpty()) {
            return PasswordHasher.checkNobody(password) == PasswordHasher.Verdict.BUSY
                    ? new SignIn.Busy()
                    : new SignIn.Refused();
        }
        ConsoleUser user = found.get();
        Instant lockedUntil = user.lockedUntil();
        if (lockedUntil != null && now.isBefore(lockedUntil)) return new SignIn.Locked(lockedUntil);
        String hash = db.withHandle(handle -> new UserStore(handle).passwordHash(user.userId()))
                .orElseThrow();
        PasswordHasher.Verdict verdict = PasswordHasher.check(password, hash);
        if (verdict == PasswordHasher.Verdict.BUSY) return new SignIn.Busy();
        if (verdict == PasswordHasher.Verdict.MISMATCH) {
            db.useTransaction(
                    handle -> new UserStore(handle).failedSignIn(user.userId(), MAX_FAILED_SIGN_INS, now.plus(LOCK)));
            ConsoleUser after = db.withHandle(handle -> new UserStore(handle).byId(user.userId()))
                    .orElseThrow();
            Instant lockedNow = after.lockedUntil();
            if (lockedNow != null && now.isBefore(lockedNow)) {
                log.warn(
                        "console user {} locked until {} after {} failed sign-ins",
                        normal,
                        lockedNow,
                        MAX_FAILED_SIGN_INS);
                return new SignIn.Locked(lockedNow);
            }
            log.info("console user {}: failed sign-in", normal);
            return new SignIn.Refused();
        }
        String token = Ids.hex(32).toLowerCase(Locale.ROOT);
        db.useTransaction(handle -> {
            UserStore store = new UserStore(handle);
            store.unlock(user.userId());
            store.endSessionsBefore(now, now.minus(IDLE));
            store.forgetFormTokensBefore(now.minus(Duration.ofDays(1)));
            store.insertSession(sessionHash(token), user.userId(), now, now.plus(LIFETIME));
        });
        log.info("console user {} signed in", normal);
        return new SignIn.SignedIn(token, user);
    }

    /** The signed-in user of the session cookie {@code token}; empty for none, an unknown or an ended session. */
    public Optional<Operator> session(@Nullable String token) {
        if (token == null || token.length() != 64) return Optional.empty();
        Instant now = clock.instant();
        String hash = sessionHash(token);
        return db.inTransaction(handle -> {
            UserStore store = new UserStore(handle);
            Optional<ConsoleUser> user =
                    store.sessionUser(hash, now, now.minus(IDLE)).flatMap(store::byId);
            if (user.isEmpty()) return Optional.empty();
            store.touchSession(hash, now, now.minus(TOUCH));
            ConsoleUser found = user.get();
            return Optional.of(new Operator(
                    found.userId(),
                    found.login(),
                    found.isAdmin(),
                    found.customerCodes(),
                    csrfToken(hash),
                    found.mustChangePassword()));
        });
    }

    /** Ends the session of {@code token}, if it runs. */
    public void signOut(@Nullable String token) {
        if (token == null) return;
        db.useTransaction(handle -> new UserStore(handle).endSession(sessionHash(token)));
    }

    /**
     * Spends a one-time token of a form that must act once (a refund): true the first time, false for every
     * later submit of the same form, such as a double click's second request.
     */
    public boolean spendFormToken(String token) {
        if (token.isEmpty() || token.length() > 64) return false;
        return db.inTransaction(handle -> new UserStore(handle).spendFormToken(token, clock.instant()));
    }

    private String csrfToken(String sessionHash) {
        return HexFormat.of().formatHex(Hmac.sha256(csrfSecret, "console csrf:" + sessionHash));
    }

    private static String sessionHash(String token) {
        return Hmac.sha256Hex(token);
    }

    private static String normalLogin(String login) {
        String normal = login.trim().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(normal).matches()) {
            throw Rejected.invalid("login", "must be 1 to 64 of a-z, 0-9 and . _ @ -, starting with a letter or digit");
        }
        return normal;
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw Rejected.invalid("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
    }

    private static void checkCompanies(Handle handle, Role role, Set<String> customerCodes) {
        if (role == Role.ADMIN && !customerCodes.isEmpty()) {
            throw Rejected.invalid("companies", "an admin sees every company; give companies to company users only");
        }
        if (role == Role.COMPANY && customerCodes.isEmpty()) {
            throw Rejected.invalid("companies", "a company user needs at least one company");
        }
        Set<String> known = DirectoryService.within(handle).findAll(customerCodes).stream()
                .map(Company::customerCode)
                .collect(Collectors.toSet());
        for (String code : customerCodes) {
            if (!known.contains(code)) throw Rejected.invalid("companies", "no company with customerCode " + code);
        }
    }

    private static ConsoleUser existing(UserStore store, String login) {
        return store.byLogin(login.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Rejected.notFound("no console user " + login));
    }
}
