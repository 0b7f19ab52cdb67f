package tochka.acquiring.api;

/** {@code ConsentStatusEnum}. */
public enum ConsentStatus {
    AwaitingAuthorisation,
    Authorised,
    Rejected,
    Revoked
}
