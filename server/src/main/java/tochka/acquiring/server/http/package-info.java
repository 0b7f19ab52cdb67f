/**
 * The HTTP edge every feature's routes stand on: the route table with its authorization, the request gate, JSON
 * in and out, and one error mapper.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.http;

import org.jspecify.annotations.NullMarked;
