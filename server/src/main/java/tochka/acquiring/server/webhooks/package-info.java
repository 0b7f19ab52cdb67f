/**
 * Webhooks as the bank sends them: signing, the outbox, the dispatcher, and their management.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.webhooks;

import org.jspecify.annotations.NullMarked;
