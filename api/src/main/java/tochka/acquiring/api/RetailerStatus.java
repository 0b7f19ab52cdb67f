package tochka.acquiring.api;

/** {@code AcquiringRetailerStatus}; only {@code REG} can take payments. */
public enum RetailerStatus {
    NEW,
    ADDRESS_DADATA,
    OPEN_ACCOUNT,
    TWPG_SENDED,
    RETAILER_CREATED,
    TERMINAL_CREATED,
    FILE_SENT,
    REG,
    CLOSE
}
