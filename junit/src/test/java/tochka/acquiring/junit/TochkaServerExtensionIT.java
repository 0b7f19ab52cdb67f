package tochka.acquiring.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.Customer;
import tochka.acquiring.api.Retailer;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.PaymentQuery;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.testkit.TestServer;

/** What {@link TochkaServer} injects, and how long each server lives: per class, per test, across parallel classes. */
@TochkaServer
class TochkaServerExtensionIT {

    private static TestServer classServer;

    private TochkaClient clientOfBeforeEach;
    private TestServer serverOfBeforeEach;

    @BeforeAll
    static void remember_the_class_server(TestServer server) {
        classServer = server;
    }

    @BeforeEach
    void take_the_client(TochkaClient tochka, TestServer server) {
        clientOfBeforeEach = tochka;
        serverOfBeforeEach = server;
    }

    @Test
    void injects_a_client_of_the_server_for_the_demo_company(
            TochkaClient tochka, TestServer server, @CustomerCode String customerCode, @MerchantId String merchantId) {
        assertThat(tochka.baseUrl()).hasToString(server.apiUrl() + "/");
        assertThat(tochka.customerCode()).isEqualTo(customerCode).isEqualTo(server.customerCode());
        assertThat(tochka.customers().list()).extracting(Customer::customerCode).contains(customerCode);
        assertThat(tochka.customers().retailers())
                .extracting(Retailer::merchantId)
                .containsExactly(merchantId);
    }

    @Test
    void before_each_and_the_test_share_the_class_server(TochkaClient tochka, TestServer server) {
        assertThat(server).isSameAs(classServer).isSameAs(serverOfBeforeEach);
        assertThat(tochka).isSameAs(clientOfBeforeEach);
    }

    @Test
    void the_control_pays_a_link_the_client_made(TochkaClient tochka, ServerControl control) {
        String operationId = tochka.payments().create(link("10.00")).operationId();

        control.pay(operationId);

        assertThat(tochka.payments().get(operationId).status().value()).isEqualTo("APPROVED");
    }

    @Nested
    class A_nested_class {

        @Test
        void shares_its_enclosing_class_server(TestServer server) {
            assertThat(server).isSameAs(classServer);
        }
    }

    @Nested
    @TochkaServer(lifecycle = TochkaServer.Lifecycle.PER_METHOD)
    class Per_method {

        private TestServer serverOfBeforeEach;

        @BeforeEach
        void take_the_server(TestServer server) {
            serverOfBeforeEach = server;
        }

        @Test
        void each_test_gets_a_fresh_server(TestServer server, TochkaClient tochka) {
            assertFresh(server, tochka);
        }

        @Test
        void another_test_gets_another(TestServer server, TochkaClient tochka) {
            assertFresh(server, tochka);
        }

        /** Whichever test runs second would see the first one's link if they shared a server. */
        private void assertFresh(TestServer server, TochkaClient tochka) {
            assertThat(server).isSameAs(serverOfBeforeEach).isNotSameAs(classServer);
            assertThat(server.port()).isNotEqualTo(classServer.port());
            assertThat(tochka.payments().list(PaymentQuery.all()).items()).isEmpty();
            tochka.payments().create(link("1.00"));
        }
    }

    @Nested
    @TochkaServer(database = TochkaServer.Database.POSTGRES)
    class On_postgres {

        @Test
        void the_server_runs_on_embedded_postgresql(TestServer server, TochkaClient tochka, ServerControl control) {
            assertThat(server).isNotSameAs(classServer);
            assertThat(server.application().database().isPostgres()).isTrue();
            String operationId = tochka.payments().create(link("20.00")).operationId();

            control.pay(operationId);

            assertThat(tochka.payments().get(operationId).status().value()).isEqualTo("APPROVED");
        }
    }

    @Test
    void classes_running_in_parallel_each_have_their_own_server_stopped_after_the_class() {
        TestExecutionSummary summary = run(
                Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"),
                ParallelShop.class,
                ParallelWarehouse.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        TestServer shop = Objects.requireNonNull(Parallel.SERVERS.get(ParallelShop.class));
        TestServer warehouse = Objects.requireNonNull(Parallel.SERVERS.get(ParallelWarehouse.class));
        assertThat(shop).isNotSameAs(warehouse);
        assertThat(shop.port()).isNotEqualTo(warehouse.port());
        for (TestServer server : new TestServer[] {shop, warehouse}) {
            assertThat(server.application().isRunning()).isFalse();
            assertThat(server.dataDir())
                    .satisfies(dir -> assertThat(Files.exists(dir)).isFalse());
        }
    }

    @Test
    void a_per_method_server_is_refused_to_before_all_with_a_message_that_says_why() {
        TestExecutionSummary summary = run(Map.of(), PerMethodInBeforeAll.class);

        assertThat(summary.getFailures()).hasSize(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("PER_METHOD")
                .hasMessageContaining("@BeforeAll");
    }

    private static PaymentLinkRequest link(String amount) {
        return PaymentLinkRequest.builder()
                .amount(amount)
                .purpose("test")
                .paymentModes(AcquiringPaymentMode.CARD)
                .build();
    }

    private static TestExecutionSummary run(Map<String, String> configuration, Class<?>... classes) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> type : classes) request.selectors(selectClass(type));
        LauncherDiscoveryRequest built =
                request.configurationParameters(configuration).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(built, listener);
        return listener.getSummary();
    }

    /** What two sample classes run in parallel share: the servers they saw, and a barrier both must reach. */
    static final class Parallel {
        static final Map<Class<?>, TestServer> SERVERS = new ConcurrentHashMap<>();
        static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

        /** Records the class's server, waits until the other class runs too, and sees only its own link. */
        static void check(Class<?> sample, TestServer server, TochkaClient tochka) throws Exception {
            SERVERS.put(sample, server);
            tochka.payments().create(link("5.00"));
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
            assertThat(tochka.payments().list(PaymentQuery.all()).items()).hasSize(1);
        }
    }

    /** A sample class that {@link #classes_running_in_parallel_each_have_their_own_server_stopped_after_the_class} runs. */
    @TochkaServer
    static class ParallelShop {
        @Test
        void runs(TestServer server, TochkaClient tochka) throws Exception {
            Parallel.check(ParallelShop.class, server, tochka);
        }
    }

    /** The other sample class run in parallel. */
    @TochkaServer
    static class ParallelWarehouse {
        @Test
        void runs(TestServer server, TochkaClient tochka) throws Exception {
            Parallel.check(ParallelWarehouse.class, server, tochka);
        }
    }

    /** A sample class that asks for a per-test server where there is no test yet. */
    @TochkaServer(lifecycle = TochkaServer.Lifecycle.PER_METHOD)
    static class PerMethodInBeforeAll {
        @BeforeAll
        static void too_early(TestServer server) {
            server.port();
        }

        @Test
        void never_runs() {}
    }
}
