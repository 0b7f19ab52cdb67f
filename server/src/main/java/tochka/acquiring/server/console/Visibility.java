package tochka.acquiring.server.console;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.keys.ApiKey;
import tochka.acquiring.server.keys.Keys;

/**
 * Which applications (client_ids) a console user may see, read once per page: an admin every one, the sandbox's
 * and those of no key any more included; a company user only those of keys whose companies are all theirs, as a key
 * that also acts for another company is not theirs alone.
 */
final class Visibility {

    private final boolean all;
    private final Map<String, ApiKey> keys;
    private final Set<String> visible;

    private Visibility(boolean all, Map<String, ApiKey> keys, Set<String> visible) {
        this.all = all;
        this.keys = keys;
        this.visible = visible;
    }

    static Visibility of(Operator operator, Keys keys) {
        Map<String, ApiKey> byClient =
                keys.list().stream().collect(Collectors.toMap(ApiKey::clientId, Function.identity(), (a, b) -> a));
        Set<String> visible = byClient.values().stream()
                .filter(key -> !key.customerCodes().isEmpty() && operator.seesAll(key.customerCodes()))
                .map(ApiKey::clientId)
                .collect(Collectors.toUnmodifiableSet());
        return new Visibility(operator.admin(), byClient, visible);
    }

    /** Whether the user may see what {@code clientId} did or receives; null (no one known) only for an admin. */
    boolean sees(@Nullable String clientId) {
        return all || (clientId != null && visible.contains(clientId));
    }

    /** The client_ids a company user may see; null for an admin, who sees every one. */
    @Nullable
    Set<String> clientIds() {
        return all ? null : visible;
    }

    /** The name given to the key of {@code clientId}, if it is a key. */
    Optional<String> keyName(String clientId) {
        return Optional.ofNullable(keys.get(clientId)).map(ApiKey::name);
    }
}
