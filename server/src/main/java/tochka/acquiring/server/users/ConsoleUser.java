package tochka.acquiring.server.users;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A console user (never their password): the login they sign in with, their role, the companies a company user acts
 * for, the phone their confirmation codes go to, and whether they must choose a new password at the next sign-in.
 */
public record ConsoleUser(
        String userId,
        String login,
        Role role,
        String phone,
        Set<String> customerCodes,
        boolean mustChangePassword,
        Instant createdAt,
        @Nullable Instant lockedUntil) {

    public ConsoleUser {
        customerCodes = Set.copyOf(customerCodes);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
