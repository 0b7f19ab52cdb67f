package tochka.acquiring.server.directory;

import org.jspecify.annotations.Nullable;
import tochka.acquiring.api.CustomerType;

/** A customer of the bank: a Business company that takes payments, or a Personal customer. */
public record Company(
        String customerCode,
        CustomerType type,
        boolean resident,
        String fullName,
        @Nullable String shortName,
        @Nullable String taxCode,
        @Nullable String kpp,
        @Nullable String ogrn,
        boolean demo) {}
