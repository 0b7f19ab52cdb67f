/**
 * The bank's webhooks: verifying an RS256-signed body against the bank's public key into a typed event, and signing
 * events with a test key for a merchant's unit tests.
 */
@NullMarked
package tochka.acquiring.client.webhook;

import org.jspecify.annotations.NullMarked;
