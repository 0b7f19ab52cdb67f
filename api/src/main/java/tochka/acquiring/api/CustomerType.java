package tochka.acquiring.api;

/** {@code ExternalTypeEnum}: acquiring works for {@code Business} customers. */
public enum CustomerType {
    Business,
    Personal
}
