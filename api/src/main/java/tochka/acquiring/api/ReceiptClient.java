package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code ReceiptClientModel}: where the fiscal receipt goes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptClient(String name, String email, String phone) {}
