package tochka.acquiring.server.users;

/** What a console user may see, as in the bank: everything, or only the companies they belong to. */
public enum Role {
    /** Sees and manages every company, key, payment and user. */
    ADMIN,
    /** Sees and acts only for the companies they belong to, like a merchant in the internet bank. */
    COMPANY
}
