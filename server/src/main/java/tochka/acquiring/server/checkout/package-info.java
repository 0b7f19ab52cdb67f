/**
 * The hosted payment page at {@code paymentLink}, and the SBP bank app that pays its QR codes.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.checkout;

import org.jspecify.annotations.NullMarked;
