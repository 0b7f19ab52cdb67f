/**
 * Text messages to a user's phone: the {@link tochka.acquiring.server.sms.SmsGateway} the console's confirmation
 * codes go through, and its development implementation, whose messages the console's "phone" panel shows.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.sms;

import org.jspecify.annotations.NullMarked;
