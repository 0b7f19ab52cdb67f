package tochka.acquiring.server.console;

import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.http.Messages;

/**
 * What the console's templates under {@code src/main/jte/console} show: plain values, already translated and
 * formatted. Each page's template takes one record implementing {@link View}, so the jte build checks every name a
 * template reads; the sections' own records live beside their handlers.
 */
public final class ConsoleViews {

    private ConsoleViews() {}

    /** One page of the console: its {@link Chrome} and its own parts; {@link #template} names the template. */
    public interface View {

        Chrome chrome();

        /** The template's name under {@code console/}, without {@code .jte}. */
        String template();

        default Messages t() {
            return chrome().t();
        }
    }

    /** The console's navigation: the page's section is marked in it. */
    public enum Section {
        HOME("/console", "nav.home"),
        PAYMENTS("/console/payments", "nav.payments"),
        INTEGRATIONS("/console/integrations", "nav.integrations"),
        COMPANIES("/console/companies", "nav.companies"),
        WEBHOOKS("/console/webhooks", "nav.webhooks"),
        REQUESTS("/console/requests", "nav.requests"),
        DEVELOPERS("/console/developers", "nav.developers"),
        NONE("/console", "nav.home");

        private final String href;
        private final String textKey;

        Section(String href, String textKey) {
            this.href = href;
            this.textKey = textKey;
        }

        public String href() {
            return href;
        }

        public String textKey() {
            return textKey;
        }
    }

    /**
     * What every page around its content shows: the title, the language switch, who is signed in (null on the
     * sign-in page) with the anti-CSRF token their forms carry, the marked section, and the page's own script under
     * {@code /console/assets} (null: none).
     */
    public record Chrome(
            Messages t,
            String title,
            String otherLangUrl,
            @Nullable String login,
            boolean admin,
            String csrf,
            Section section,
            @Nullable String script) {

        public boolean signedIn() {
            return login != null;
        }
    }

    /** The sign-in form; {@code error} is what went wrong with the last attempt. */
    public record SignInPage(
            Chrome chrome,
            String next,
            String login,
            @Nullable String error) implements View {
        @Override
        public String template() {
            return "login";
        }
    }

    /** The form where a user chooses a new password; {@code forced}: they must before anything else. */
    public record PasswordPage(
            Chrome chrome, boolean forced, @Nullable String error, boolean changed) implements View {
        @Override
        public String template() {
            return "password";
        }
    }

    /** A page that says what went wrong: an unknown or foreign object, a refused action. */
    public record ProblemPage(Chrome chrome, int status, String message) implements View {
        @Override
        public String template() {
            return "problem";
        }
    }
}
