package tochka.acquiring.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code CustomerModel}: a company (or person) the key may act for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        String customerCode,
        CustomerType customerType,
        boolean isResident,
        String taxCode,
        String fullName,
        String shortName,
        String kpp,
        String customerOgrn) {}
