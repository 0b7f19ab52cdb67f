package tochka.acquiring.server.core;

import java.util.Set;
import tochka.acquiring.api.Permission;

/** Who is calling: a key's {@code client_id}, its permissions and the companies it may act for. */
public record Principal(String clientId, Set<Permission> permissions, Set<String> customerCodes, boolean sandbox) {

    public Principal {
        permissions = Set.copyOf(permissions);
        customerCodes = Set.copyOf(customerCodes);
    }

    /**
     * Checks that the key holds {@code permission}.
     *
     * @throws Rejected (403) unless it does
     */
    public void require(Permission permission) {
        if (!permissions.contains(permission)) {
            throw Rejected.forbidden(
                    "key " + clientId + " lacks the permission " + permission.name() + " that this method needs");
        }
    }

    /**
     * Checks that the key may act for {@code customerCode}; an unknown code reads the same as a foreign one.
     *
     * @throws Rejected (403) unless it may
     */
    public void requireCompany(String customerCode) {
        if (!customerCodes.contains(customerCode)) {
            throw Rejected.forbidden("customerCode " + customerCode + " is not available to key " + clientId);
        }
    }
}
