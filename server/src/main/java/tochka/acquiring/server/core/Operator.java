package tochka.acquiring.server.core;

import java.util.Collection;
import java.util.Set;

/**
 * Who is signed in to the console: a user, whether an admin (who sees and manages everything) or a company user
 * (who sees only {@code customerCodes}, as a merchant in the internet bank), the anti-CSRF token every form of
 * this session carries, and whether the user must choose a new password before anything else.
 */
public record Operator(
        String userId,
        String login,
        boolean admin,
        Set<String> customerCodes,
        String csrfToken,
        boolean mustChangePassword) {

    public Operator {
        customerCodes = Set.copyOf(customerCodes);
    }

    /** Whether this user may see and act for {@code customerCode}. */
    public boolean sees(String customerCode) {
        return admin || customerCodes.contains(customerCode);
    }

    /** Whether this user may see and act for every one of {@code codes} (what a key or a webhook spans, say). */
    public boolean seesAll(Collection<String> codes) {
        return admin || customerCodes.containsAll(codes);
    }

    /**
     * Checks that this user may see {@code customerCode}; another company's object reads as a missing one, so a
     * company user learns nothing of what is not theirs.
     *
     * @throws Rejected (404) naming {@code what} unless the user may
     */
    public void requireSees(String customerCode, String what) {
        if (!sees(customerCode)) throw Rejected.notFound(what + " not found");
    }

    /**
     * Checks that this user is an admin.
     *
     * @throws Rejected (403) unless they are
     */
    public void requireAdmin() {
        if (!admin) throw Rejected.forbidden("only an admin may do this");
    }
}
