package tochka.acquiring.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the acquiring server in the test JVM for a test class: on a free loopback port, over a temporary database,
 * with the demo company and its key. Tests, lifecycle methods and (for {@link Lifecycle#PER_CLASS}) constructors take
 * what they need as parameters: a ready {@link tochka.acquiring.client.TochkaClient}, the demo
 * {@link CustomerCode @CustomerCode String} and {@link MerchantId @MerchantId String}, a {@link ServerControl}, a
 * {@link WebhookInbox}, a {@link tochka.acquiring.client.webhook.WebhookVerifier} that trusts the server's key (for the
 * merchant's own webhook endpoint), or the {@link tochka.acquiring.testkit.TestServer} itself.
 *
 * <pre>{@code
 * @TochkaServer
 * class CheckoutTest {
 *     @Test
 *     void a_paid_order_is_approved(TochkaClient tochka, ServerControl control, WebhookInbox inbox) {
 *         CreatedPayment link = tochka.payments().create(PaymentLinkRequest.builder()
 *                 .amount("1500.00").purpose("Order 42").paymentModes(AcquiringPaymentMode.CARD).build());
 *         control.pay(link.operationId());
 *         assertThat(inbox.awaitPayment(link.operationId(), Duration.ofSeconds(10)).isApproved()).isTrue();
 *     }
 * }
 * }</pre>
 *
 * <p>A {@code @Nested} class shares its enclosing class's server unless it carries its own {@code @TochkaServer}.
 * Tests may run in parallel: the extension keeps each server in JUnit's store of the class or test it belongs to,
 * and stops it (removing its temporary files) when that class or test is over.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(TochkaServerExtension.class)
public @interface TochkaServer {

    /** The database the server runs on; SQLite unless the test needs PostgreSQL. */
    Database database() default Database.SQLITE;

    /** Whether the class's tests share one server or each gets a fresh one; one per class unless told otherwise. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** Which database a test server keeps its data in: always a new, empty one. */
    enum Database {
        /** A temporary SQLite file: starts fastest. */
        SQLITE,
        /** A new database on an embedded PostgreSQL (from Maven Central, no Docker), started once per JVM. */
        POSTGRES
    }

    /** How long one server lives. */
    enum Lifecycle {
        /** One server for the class, its tests and its {@code @Nested} classes; data accumulates across tests. */
        PER_CLASS,
        /** A fresh server for each test (and its {@code @BeforeEach} and {@code @AfterEach}): nothing carries over. */
        PER_METHOD
    }
}
