package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tochka.acquiring.client.Bank.answer;
import static tochka.acquiring.client.Bank.dropped;
import static tochka.acquiring.client.Bank.error;
import static tochka.acquiring.client.Bank.ok;
import static tochka.acquiring.client.Bank.operations;
import static tochka.acquiring.client.Bank.payment;
import static tochka.acquiring.client.Bank.refundOrder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.AcquiringPaymentMode;

/**
 * A payment link, refund or capture whose answer was lost is looked up, not sent again blindly: the caller gets the
 * one payment that exists, or a clear "outcome unknown".
 */
class PaymentReconciliationTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Bank.Script script = new Bank.Script();

    /** 13:00 in Moscow on 2 May 2024: the lookup reads the links since 1 May. */
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-02T10:00:00Z"), ZoneOffset.UTC);

    private TochkaClient client;

    @BeforeEach
    void script() {
        server.setDispatcher(script);
        client = Bank.client(server).clock(clock).build();
    }

    /** The list answer holding the link that the first create asked for. */
    private MockResponse theLink(mockwebserver3.RecordedRequest lookup) {
        return ok(operations(
                1, payment("op-other", "other", "CREATED", ""), payment("op-1", script.firstLinkId(), "CREATED", "")));
    }

    @Test
    void a_create_whose_connection_dropped_returns_the_link_the_lookup_finds_without_a_second_post() {
        script.then(dropped()).then(this::theLink);

        var created = client.payments().create(TransportRetryTest.request());

        assertThat(created.operationId()).isEqualTo("op-1");
        assertThat(created.paymentLinkId()).isEqualTo(script.firstLinkId());
        assertThat(created.amount()).isEqualTo(new BigDecimal("1500.10"));
        assertThat(script.lines())
                .containsExactly("POST /uapi/acquiring/v1.0/payments", "GET /uapi/acquiring/v1.0/payments");
        var lookup = script.requests.get(1).getUrl();
        assertThat(lookup.queryParameter("customerCode")).isEqualTo(Bank.CUSTOMER);
        assertThat(lookup.queryParameter("fromDate")).isEqualTo("2024-05-01");
    }

    @Test
    void a_create_whose_answer_stalls_past_the_request_timeout_is_looked_up() {
        script.then(Bank.stalled()).then(this::theLink);
        // Long enough that the lookup after it never times out on a busy machine; the stall waits it out once.
        client = Bank.client(server)
                .clock(clock)
                .requestTimeout(Duration.ofSeconds(1))
                .build();

        assertThat(client.payments().create(TransportRetryTest.request()).operationId())
                .isEqualTo("op-1");
        assertThat(script.lines())
                .containsExactly("POST /uapi/acquiring/v1.0/payments", "GET /uapi/acquiring/v1.0/payments");
    }

    @Test
    void a_create_answered_with_unreadable_json_is_looked_up_because_the_bank_made_the_link() {
        script.then(ok("{\"Data\":{\"operationId\":")).then(this::theLink);

        assertThat(client.payments().create(TransportRetryTest.request()).operationId())
                .isEqualTo("op-1");
        assertThat(script.lines())
                .containsExactly("POST /uapi/acquiring/v1.0/payments", "GET /uapi/acquiring/v1.0/payments");
    }

    @Test
    void a_create_the_bank_did_not_make_is_sent_once_more_with_the_same_payment_link_id() {
        script.then(dropped())
                .then(ok(operations(1, payment("op-other", "other", "CREATED", ""))))
                .then(request -> ok(Bank.created("op-2", Bank.linkId(request))));

        var created = client.payments().create(TransportRetryTest.request());

        assertThat(created.operationId()).isEqualTo("op-2");
        assertThat(script.lines())
                .containsExactly(
                        "POST /uapi/acquiring/v1.0/payments",
                        "GET /uapi/acquiring/v1.0/payments",
                        "POST /uapi/acquiring/v1.0/payments");
        assertThat(Bank.linkId(script.requests.get(2)))
                .isEqualTo(script.firstLinkId())
                .isNotBlank();
        assertThat(Bank.body(script.requests.get(2))).isEqualTo(Bank.body(script.requests.get(0)));
    }

    @Test
    void a_resend_refused_as_a_duplicate_is_looked_up_again_and_the_link_returned() {
        script.then(dropped())
                .then(ok(operations(1))) // not listed yet
                .then(answer(400, error(400, "Validation Error", "Validation Error", "paymentLinkId is already used")))
                .then(this::theLink);

        assertThat(client.payments().create(TransportRetryTest.request()).operationId())
                .isEqualTo("op-1");
        assertThat(script.lines())
                .containsExactly(
                        "POST /uapi/acquiring/v1.0/payments",
                        "GET /uapi/acquiring/v1.0/payments",
                        "POST /uapi/acquiring/v1.0/payments",
                        "GET /uapi/acquiring/v1.0/payments");
    }

    @Test
    void a_made_up_payment_link_id_refused_as_a_duplicate_but_never_found_is_an_outcome_unknown() {
        script.then(dropped())
                .then(ok(operations(1)))
                .then(answer(400, error(400, "Validation Error", "Validation Error", "paymentLinkId is already used")))
                .then(ok(operations(1)));

        assertThatThrownBy(() -> client.payments().create(TransportRetryTest.request()))
                .isInstanceOfSatisfying(
                        OutcomeUnknownException.class,
                        e -> assertThat(e.paymentLinkId()).isEqualTo(script.firstLinkId()));
    }

    @Test
    void a_failed_lookup_is_an_outcome_unknown_carrying_the_payment_link_id() {
        script.then(dropped());
        for (int i = 0; i < 3; i++) script.then(answer(503, "{}"));

        assertThatThrownBy(() -> client.payments().create(TransportRetryTest.request()))
                .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
                    assertThat(e.paymentLinkId())
                            .isEqualTo(script.firstLinkId())
                            .isNotBlank();
                    assertThat(e.getMessage()).contains(script.firstLinkId());
                    assertThat(e.getCause()).isInstanceOf(NetworkException.class);
                });
        assertThat(script.lines().stream().filter(l -> l.startsWith("POST"))).hasSize(1);
    }

    @Test
    void a_refused_create_is_not_looked_up() {
        script.then(answer(400, error(400, "Validation Error", "Validation Error", "amount is too large")));

        assertThatThrownBy(() -> client.payments().create(TransportRetryTest.request()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(script.lines()).containsExactly("POST /uapi/acquiring/v1.0/payments");
    }

    @Test
    void the_whole_create_with_its_lookups_ends_within_the_call_timeout() {
        for (int i = 0; i < 20; i++) script.then(Bank.stalled());
        client = Bank.client(server)
                .clock(clock)
                .requestTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ofMillis(700))
                .build();

        assertThatThrownBy(() -> client.payments().create(TransportRetryTest.request()))
                .isInstanceOf(OutcomeUnknownException.class);
    }

    @Test
    void a_caller_s_payment_link_id_is_kept() {
        script.then(request -> ok(Bank.created("op-1", Bank.linkId(request))));

        var created = client.payments()
                .create(PaymentLinkRequest.builder()
                        .amount("10")
                        .purpose("Order 42")
                        .paymentModes(AcquiringPaymentMode.CARD)
                        .paymentLinkId("order-42")
                        .build());

        assertThat(created.paymentLinkId()).isEqualTo("order-42");
        assertThat(script.firstLinkId()).isEqualTo("order-42");
    }

    @Test
    void a_made_up_payment_link_id_is_short_enough_and_new_for_every_create() {
        script.then(request -> ok(Bank.created("op-1", Bank.linkId(request))))
                .then(request -> ok(Bank.created("op-2", Bank.linkId(request))));

        client.payments().create(TransportRetryTest.request());
        client.payments().create(TransportRetryTest.request());

        var ids = script.requests.stream().map(Bank::linkId).collect(Collectors.toList());
        assertThat(ids)
                .doesNotHaveDuplicates()
                .allSatisfy(id ->
                        assertThat(id).isNotBlank().hasSizeLessThanOrEqualTo(PaymentLinkRequest.MAX_PAYMENT_LINK_ID));
    }

    @Test
    void a_refund_whose_answer_was_lost_returns_the_new_refund_order_of_that_amount() {
        String old = refundOrder("r-1", "100.00");
        script.then(ok(operations(1, payment("op-1", "l", "REFUNDED_PARTIALLY", old))))
                .then(dropped())
                .then(ok(operations(
                        1, payment("op-1", "l", "REFUNDED_PARTIALLY", old + "," + refundOrder("r-2", "100.00")))));

        var refund = client.payments().refund("op-1", new BigDecimal("100.00"));

        assertThat(refund.orderId()).isEqualTo("r-2");
        assertThat(refund.amount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(refund.operationId()).isEqualTo("op-1");
        assertThat(refund.date()).isEqualTo("2024-05-03"); // 23:30 UTC is the next day in Moscow
        assertThat(script.lines())
                .containsExactly(
                        "GET /uapi/acquiring/v1.0/payments/op-1",
                        "POST /uapi/acquiring/v1.0/payments/op-1/refund",
                        "GET /uapi/acquiring/v1.0/payments/op-1");
    }

    @Test
    void a_refund_the_bank_did_not_make_is_sent_once_more() {
        String old = refundOrder("r-1", "100.00"); // the same amount, refunded before: not this refund
        script.then(ok(operations(1, payment("op-1", "l", "REFUNDED_PARTIALLY", old))))
                .then(dropped())
                .then(ok(operations(1, payment("op-1", "l", "REFUNDED_PARTIALLY", old))))
                .then(ok(Bank.refunded("op-1", "r-2", "100.00")));

        assertThat(client.payments().refund("op-1", new BigDecimal("100")).orderId())
                .isEqualTo("r-2");
        assertThat(script.lines())
                .containsExactly(
                        "GET /uapi/acquiring/v1.0/payments/op-1",
                        "POST /uapi/acquiring/v1.0/payments/op-1/refund",
                        "GET /uapi/acquiring/v1.0/payments/op-1",
                        "POST /uapi/acquiring/v1.0/payments/op-1/refund");
    }

    @Test
    void a_refund_whose_lookup_fails_is_an_outcome_unknown_carrying_the_operation_id() {
        script.then(ok(operations(1, payment("op-1", "l", "APPROVED", "")))).then(dropped());
        for (int i = 0; i < 3; i++) script.then(answer(500, "{}"));

        assertThatThrownBy(() -> client.payments().refund("op-1", new BigDecimal("100")))
                .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
                    assertThat(e.operationId()).isEqualTo("op-1");
                    assertThat(e.paymentLinkId()).isNull();
                });
        assertThat(script.lines().stream().filter(l -> l.startsWith("POST"))).hasSize(1);
    }

    @Test
    void a_capture_whose_answer_was_lost_succeeds_when_the_payment_is_approved() {
        script.then(dropped()).then(ok(operations(1, payment("op-1", "l", "APPROVED", ""))));

        client.payments().capture("op-1");

        assertThat(script.lines())
                .containsExactly(
                        "POST /uapi/acquiring/v1.0/payments/op-1/capture", "GET /uapi/acquiring/v1.0/payments/op-1");
    }

    @Test
    void a_capture_whose_answer_was_lost_and_the_payment_still_authorized_is_an_outcome_unknown() {
        script.then(dropped()).then(ok(operations(1, payment("op-1", "l", "AUTHORIZED", ""))));

        assertThatThrownBy(() -> client.payments().capture("op-1"))
                .isInstanceOfSatisfying(
                        OutcomeUnknownException.class,
                        e -> assertThat(e.operationId()).isEqualTo("op-1"));
    }
}
