/**
 * Wire records and enums of Tochka Bank's Open API, spelled exactly as {@code tochka-openapi.json}: capitalised
 * envelope and nested-object keys ({@code Data}, {@code Operation}, {@code Client}), camelCase scalars, and enum
 * values as the bank writes them ({@code ON-REFUND}, {@code шт.}). No I/O lives here.
 */
package tochka.acquiring.api;
