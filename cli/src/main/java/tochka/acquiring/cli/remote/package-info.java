/**
 * The API commands of {@code tochka}: the bank's Open API from the command line through the SDK, against this
 * server, the bank's sandbox or the bank. Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.cli.remote;

import org.jspecify.annotations.NullMarked;
