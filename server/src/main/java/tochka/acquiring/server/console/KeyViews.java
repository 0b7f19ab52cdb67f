package tochka.acquiring.server.console;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.View;

/** What the "Integrations and API" pages show: the keys, the choice, the wizard's steps, a key, the phone. */
public final class KeyViews {

    private KeyViews() {}

    /** A key in the list: its name, when it was made, its term, and whether it still works. */
    public record KeyRow(String clientId, String name, String created, String term, State state) {}

    /** Whether a key works, and if not, why. */
    public enum State {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    /** "Integrations and API": the connected applications and the keys the user sees. */
    public record IntegrationsPage(Chrome chrome, List<KeyRow> keys) implements View {
        @Override
        public String template() {
            return "integrations";
        }
    }

    /** "New integration": generate a JWT key, register an OAuth 2.0 application, get help. */
    public record ConnectPage(Chrome chrome) implements View {
        @Override
        public String template() {
            return "integrations-connect";
        }
    }

    /** A short page of text: the OAuth 2.0 choice (coming) or the help ({@code help}: which one). */
    public record InfoPage(Chrome chrome, boolean help) implements View {
        @Override
        public String template() {
            return "integrations-info";
        }
    }

    /** The wizard's first step: the key's name. */
    public record NamePage(
            Chrome chrome, String name, @Nullable String error) implements View {
        @Override
        public String template() {
            return "keys-name";
        }
    }

    /** A checkbox of the wizard: its field name, text, hint, whether ticked and whether required. */
    public record Choice(
            String field, String text, @Nullable String hint, boolean checked, boolean required) {}

    /** The companies and the guide's eight accesses; {@code reissue}: of the key {@code replaces}. */
    public record AccessPage(
            Chrome chrome,
            String requestId,
            String name,
            @Nullable String replaces,
            List<Choice> companies,
            List<Choice> access,
            @Nullable String error)
            implements View {
        @Override
        public String template() {
            return "keys-access";
        }
    }

    /** The term (unlimited, or until {@code until}, a yyyy-MM-dd date) and the two consents. */
    public record TermsPage(
            Chrome chrome,
            String requestId,
            String name,
            boolean unlimited,
            String until,
            String minDate,
            String maxDate,
            boolean personalData,
            boolean offer,
            @Nullable String error)
            implements View {
        @Override
        public String template() {
            return "keys-terms";
        }
    }

    /**
     * The SMS code: where it went, what went wrong with the last one; {@code voided}: the request is void and the
     * wizard must start again.
     */
    public record CodePage(
            Chrome chrome,
            String requestId,
            String name,
            String phone,
            boolean voided,
            @Nullable String error,
            @Nullable String notice)
            implements View {
        @Override
        public String template() {
            return "keys-code";
        }
    }

    /** A key as the guide's screenshot shows it; {@code token} is null once it is revoked. */
    public record KeyPage(
            Chrome chrome,
            String clientId,
            String name,
            String created,
            @Nullable String token,
            String term,
            State state,
            List<String> access,
            List<String> companies,
            boolean justIssued)
            implements View {
        @Override
        public String template() {
            return "keys-view";
        }
    }

    /** The confirmation before a key is revoked. */
    public record RevokePage(Chrome chrome, String clientId, String name) implements View {
        @Override
        public String template() {
            return "keys-revoke";
        }
    }

    /** A message on the development phone. */
    public record PhoneMessage(String sentAt, String text) {}

    /** The development phone: the messages to the signed-in user's phone. */
    public record PhonePage(Chrome chrome, String phone, List<PhoneMessage> messages) implements View {
        @Override
        public String template() {
            return "phone";
        }
    }
}
