/**
 * The bank's Open API and our own endpoints: routes as a table, thin handlers, one error mapper.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.http;

import org.jspecify.annotations.NullMarked;
