package tochka.acquiring.examples.shop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin}: HTTP Basic with the user and password of {@code shop.admin-user} and
 * {@code shop.admin-password} (closed when no password is set), and no POST from another site. Enough for an example;
 * a real shop uses Spring Security with its own users, sessions and CSRF tokens.
 */
final class AdminGuard extends OncePerRequestFilter {

    private static final int MAX_HEADER = 1024;

    private final byte[] expected;
    private final boolean open;

    /** A guard that lets in {@code user} with {@code password}, or no one when the password is blank. */
    AdminGuard(String user, String password) {
        this.open = !password.isBlank();
        this.expected = ("Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!open) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "set shop.admin-password to open the admin pages");
            return;
        }
        String given = request.getHeader("Authorization");
        // MessageDigest.isEqual takes as long whatever the first wrong byte: the password cannot be guessed by timing.
        if (given == null
                || given.length() > MAX_HEADER
                || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"shop admin\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        // A browser sends the saved Basic credentials with a form that another site posts here: refuse such a POST.
        String site = request.getHeader("Sec-Fetch-Site");
        if (!"GET".equals(request.getMethod()) && site != null && !"same-origin".equals(site)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "a cross-site request");
            return;
        }
        chain.doFilter(request, response);
    }
}
