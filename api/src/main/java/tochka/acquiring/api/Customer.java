package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** {@code CustomerModel}: a company (or person) the key may act for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        String customerCode,
        CustomerType customerType,
        boolean isResident,
        @Nullable String taxCode,
        String fullName,
        @Nullable String shortName,
        @Nullable String kpp,
        @Nullable String customerOgrn) {}
