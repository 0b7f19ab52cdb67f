package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static tochka.acquiring.client.Bank.ok;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.AcquiringPaymentStatus;

/** How the client reads what the bank answers and what it sends and logs. */
class AnswerReadingTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void unknown_fields_and_enum_values_do_not_break_parsing() {
        server.enqueue(ok("{\"Data\":{\"Operation\":[{\"customerCode\":\"300000092\",\"createdAt\":\"2024-05-01\","
                + "\"paymentMode\":[\"card\",\"crypto\"],\"amount\":10.00,\"status\":\"ON-HOLD-NEW\","
                + "\"operationId\":\"op-1\",\"paymentLink\":\"https://pay/op-1\",\"brandNewField\":{\"a\":[1,2]},"
                + "\"Order\":[{\"orderId\":\"o-1\",\"type\":\"chargeback\",\"amount\":1.00,\"time\":\"t\"}]}],"
                + "\"nextThing\":true},\"Links\":{\"self\":\"x\",\"extra\":\"y\"},\"Meta\":{\"totalPages\":1}}"));
        TochkaClient client = Bank.client(server).build();

        var payment = client.payments().get("op-1");

        assertThat(payment.operationId()).isEqualTo("op-1");
        assertThat(payment.status()).isNull();
        assertThat(payment.paymentMode()).containsExactly(AcquiringPaymentMode.CARD, null);
        assertThat(payment.order())
                .singleElement()
                .satisfies(order -> assertThat(order.type()).isNull());
    }

    @Test
    void amounts_are_exact_decimals() {
        // 12345678901234.57 has no exact double: read through a double it would come back changed.
        server.enqueue(ok(Bank.operations(
                1,
                Bank.payment("op-1", "l-1", "APPROVED", Bank.refundOrder("r-1", "0.10"))
                        .replace("1500.10", "12345678901234.57"))));
        TochkaClient client = Bank.client(server).build();

        var payment = client.payments().get("op-1");

        assertThat(payment.amount()).isEqualTo(new BigDecimal("12345678901234.57"));
        assertThat(payment.order().get(0).amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(payment.status()).isEqualTo(AcquiringPaymentStatus.APPROVED);
    }

    @Test
    void amounts_are_sent_exactly_as_given() throws Exception {
        server.enqueue(ok(Bank.created("op-1", "l-1")));
        TochkaClient client = Bank.client(server).build();

        client.payments()
                .create(PaymentLinkRequest.builder()
                        .amount("12345678901234.5")
                        .purpose("Order 42")
                        .paymentModes(AcquiringPaymentMode.SBP)
                        .build());

        assertThat(Bank.body(server.takeRequest())).contains("\"amount\":12345678901234.50");
    }

    @Test
    void the_token_goes_as_a_bearer_header_and_never_into_the_log() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.ALL);
        Logger logger = Logger.getLogger("tochka.acquiring.client");
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            server.enqueue(ok(Bank.created("op-1", "l-1")));
            server.enqueue(Bank.answer(401, Bank.error(401, "Unauthorized", "Unauthorized", "bad token")));
            TochkaClient client =
                    Bank.client(server).logging(RequestLogging.BODIES).build();

            client.payments().create(TransportRetryTest.request());
            try {
                client.payments().get("op-1");
            } catch (AuthenticationException expected) {
                // logged too
            }

            RecordedRequest sent = server.takeRequest();
            assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + Bank.TOKEN);
            assertThat(records).hasSizeGreaterThanOrEqualTo(2);
            // The log holds the bodies, so that it is the log that was looked at...
            assertThat(records)
                    .anySatisfy(r -> assertThat(r.getMessage()).contains("Order 42", "op-1"))
                    .anySatisfy(r -> assertThat(r.getMessage()).contains("401", "bad token"));
            // ...and the token nowhere in it.
            assertThat(records).allSatisfy(r -> {
                assertThat(r.getMessage()).doesNotContain(Bank.TOKEN);
                assertThat(String.valueOf(r.getThrown())).doesNotContain(Bank.TOKEN);
            });
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(before);
        }
    }

    @Test
    void a_list_walks_on_to_later_pages_as_it_is_read() throws Exception {
        server.enqueue(ok(Bank.operations(
                2, Bank.payment("op-1", "l-1", "CREATED", ""), Bank.payment("op-2", "l-2", "CREATED", ""))));
        server.enqueue(ok(Bank.operations(2, Bank.payment("op-3", "l-3", "CREATED", ""))));
        TochkaClient client = Bank.client(server).build();

        var first = client.payments().list(PaymentQuery.all().perPage(2));

        assertThat(first.items()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.stream().map(p -> p.operationId())).containsExactly("op-1", "op-2", "op-3");
        assertThat(server.takeRequest().getUrl().queryParameter("page")).isEqualTo("1");
        var second = server.takeRequest().getUrl();
        assertThat(second.queryParameter("page")).isEqualTo("2");
        assertThat(second.queryParameter("perPage")).isEqualTo("2");
        assertThat(second.queryParameter("customerCode")).isEqualTo(Bank.CUSTOMER);
    }

    @Test
    void ids_go_into_the_path_encoded_and_dot_segments_are_refused() throws Exception {
        server.enqueue(ok(Bank.operations(1, Bank.payment("a/b c", "l", "CREATED", ""))));
        TochkaClient client = Bank.client(server).build();

        client.payments().get("a/b c");

        assertThat(server.takeRequest().getTarget()).isEqualTo("/uapi/acquiring/v1.0/payments/a%2Fb%20c");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> client.payments().getAsync(".."));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> client.payments().getAsync(" "));
    }
}
