/**
 * The "Integrations and API" console at {@code /console}: sign-in, JWT keys as the bank's guide issues them,
 * companies and retailers, payments, webhooks, the request log and developer help. Server-rendered (jte), Russian
 * by default with English, usable without JavaScript; every page and form checks who is signed in and what they
 * may see.
 * Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.server.console;

import org.jspecify.annotations.NullMarked;
