/**
 * Wire records and enums of Tochka Bank's Open API, spelled exactly as {@code tochka-openapi.json}: capitalised
 * envelope and nested-object keys ({@code Data}, {@code Operation}, {@code Client}), camelCase scalars, and enum
 * values as the bank writes them ({@code ON-REFUND}, {@code шт.}). No I/O lives here.
 *
 * <p>Non-null unless marked {@code @Nullable}: a record component is {@code @Nullable} exactly where the bank's
 * schema leaves the property out of its {@code required} list, even where this server always sends it, since a
 * client reads the real bank's answers with the same records ({@code SpecNullabilityTest} keeps the two in step).
 */
@NullMarked
package tochka.acquiring.api;

import org.jspecify.annotations.NullMarked;
