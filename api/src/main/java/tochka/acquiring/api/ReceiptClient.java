package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** {@code ReceiptClientModel}: where the fiscal receipt goes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptClient(
        @Nullable String name, String email, @Nullable String phone) {}
