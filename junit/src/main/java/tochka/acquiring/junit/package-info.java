/**
 * A JUnit 5 extension for merchants' tests: {@link tochka.acquiring.junit.TochkaServer} starts the acquiring server
 * in the test JVM and injects a ready {@link tochka.acquiring.client.TochkaClient}, the demo company's
 * {@link tochka.acquiring.junit.CustomerCode}, a {@link tochka.acquiring.junit.ServerControl} that plays the buyer
 * and the clock, and a {@link tochka.acquiring.junit.WebhookInbox} of verified webhooks. Non-null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package tochka.acquiring.junit;

import org.jspecify.annotations.NullMarked;
