package tochka.acquiring.api;

/** {@code SupplierModel}: the agent-sales supplier of a receipt or one of its items. */
public record Supplier(String phone, String name, String taxCode) {}
