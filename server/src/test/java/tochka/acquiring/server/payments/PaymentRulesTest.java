package tochka.acquiring.server.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.RetailerStatus;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.core.Rejected;
import tochka.acquiring.server.directory.Retailer;

/** The rules a link is created and paid by, as the domain states them: no database, no HTTP. */
class PaymentRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void the_named_retailer_is_taken_or_the_only_one() {
        Retailer one = retailer("200000000001097", List.of(PaymentMode.CARD, PaymentMode.SBP), true);
        Retailer two = retailer("200000000005555", List.of(PaymentMode.CARD), true);

        assertThat(link(null, List.of(PaymentMode.CARD), false).retailerAmong(List.of(one)))
                .isEqualTo(one);
        assertThat(link("200000000005555", List.of(PaymentMode.CARD), false).retailerAmong(List.of(one, two)))
                .isEqualTo(two);
    }

    @Test
    void a_retailer_that_is_unknown_ambiguous_missing_closed_or_without_the_mode_is_refused_in_domain_terms() {
        Retailer open = retailer("200000000001097", List.of(PaymentMode.CARD), true);
        Retailer closed = retailer("200000000005555", List.of(PaymentMode.CARD), false);

        assertRejected(
                () -> link("200000000009999", List.of(PaymentMode.CARD), false).retailerAmong(List.of(open)),
                Rejected.Kind.INVALID,
                "merchantId",
                "200000000009999 is not a retailer of customerCode 300000092");
        assertRejected(
                () -> link(null, List.of(PaymentMode.CARD), false).retailerAmong(List.of(open, closed)),
                Rejected.Kind.INVALID,
                "merchantId",
                "field required: customerCode 300000092 has 2 retailers");
        assertRejected(
                () -> link(null, List.of(PaymentMode.CARD), false).retailerAmong(List.of()),
                Rejected.Kind.NOT_ALLOWED,
                null,
                "customerCode 300000092 has no internet-acquiring retailer");
        assertRejected(
                () -> link(null, List.of(PaymentMode.CARD), false).retailerAmong(List.of(closed)),
                Rejected.Kind.NOT_ALLOWED,
                null,
                "merchantId 200000000005555 cannot take payments: status REG," + " inactive (needs REG and active)");
        assertRejected(
                () -> link(null, List.of(PaymentMode.SBP), false).retailerAmong(List.of(open)),
                Rejected.Kind.INVALID,
                "paymentMode",
                "sbp is not enabled for merchantId 200000000001097" + " (enabled: [card])");
    }

    @Test
    void two_stage_needs_card() {
        link(null, List.of(PaymentMode.CARD, PaymentMode.SBP), true).checkTwoStage();
        link(null, List.of(PaymentMode.SBP), false).checkTwoStage();
        assertRejected(
                () -> link(null, List.of(PaymentMode.SBP), true).checkTwoStage(),
                Rejected.Kind.INVALID,
                "preAuthorization",
                "two-stage payment needs paymentMode card (SBP, T-Pay and Dolyame are always" + " one-stage)");
    }

    @Test
    void only_a_card_on_a_two_stage_link_holds_first() {
        Payment twoStage = link(null, List.of(PaymentMode.CARD, PaymentMode.SBP), true)
                .toPayment("op", "200000000001097", "1", "consumer", NOW);
        Payment oneStage =
                link(null, List.of(PaymentMode.CARD), false).toPayment("op", "200000000001097", "1", "consumer", NOW);

        assertThat(twoStage.holdsFirst(PaymentMode.CARD)).isTrue();
        assertThat(twoStage.holdsFirst(PaymentMode.SBP)).isFalse();
        assertThat(oneStage.holdsFirst(PaymentMode.CARD)).isFalse();
    }

    @Test
    void a_new_link_is_created_unpaid_with_the_default_consumer_when_none_is_given() {
        Payment payment =
                link(null, List.of(PaymentMode.CARD), false).toPayment("op", "200000000001097", "7", "consumer", NOW);

        assertThat(payment.storedStatus()).isEqualTo(PaymentStatus.CREATED);
        assertThat(payment.refunded()).isEqualTo(Money.ZERO);
        assertThat(payment.consumerId()).isEqualTo("consumer");
        assertThat(payment.merchantId()).isEqualTo("200000000001097");
        assertThat(payment.paymentLinkId()).isEqualTo("7");
        assertThat(payment.expiresAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void only_an_unexpired_created_link_is_payable_and_only_in_its_modes() {
        Payment payment =
                link(null, List.of(PaymentMode.CARD), false).toPayment("op", "200000000001097", "1", "consumer", NOW);

        payment.checkPayable(PaymentMode.CARD, NOW);
        assertRejected(
                () -> payment.checkPayable(PaymentMode.SBP, NOW),
                Rejected.Kind.INVALID,
                "paymentType",
                "sbp is not among the link's paymentMode [card]");
        assertRejected(
                () -> payment.checkPayable(PaymentMode.CARD, NOW.plusSeconds(600)),
                Rejected.Kind.NOT_ALLOWED,
                null,
                "operation op is EXPIRED; only a CREATED link can be paid");
    }

    @Test
    void the_edge_places_a_domain_field_in_the_wire_path() {
        Rejected rejected = Rejected.invalid("customerCode", "is wrong");

        assertThat(rejected.problems()).containsExactly("customerCode: is wrong");
        assertThat(rejected.at("Data").problems()).containsExactly("Data.customerCode: is wrong");
        assertThat(rejected.at("Data").kind()).isEqualTo(Rejected.Kind.INVALID);
        Rejected unnamed = Rejected.notAllowed("operation op is EXPIRED");
        assertThat(unnamed.at("Data").problems()).containsExactly("operation op is EXPIRED");
    }

    @Test
    void the_registry_groups_by_payment_type_with_totals_commission_and_net() {
        Payment sbp1 = paid("a", 10_000, PaymentMode.SBP);
        Payment card = paid("b", 333, PaymentMode.CARD);
        Payment sbp2 = paid("c", 2_550, PaymentMode.SBP);

        PaymentRegistry registry = PaymentRegistry.of(List.of(sbp1, card, sbp2), new BigDecimal("2.6"));

        assertThat(registry.groups())
                .extracting(PaymentRegistry.Group::type)
                .containsExactly(PaymentMode.SBP, PaymentMode.CARD);
        PaymentRegistry.Group sbp = registry.groups().get(0);
        assertThat(sbp.total()).isEqualTo(new Money(12_550));
        assertThat(sbp.lines()).extracting(line -> line.payment().operationId()).containsExactly("a", "c");
        assertThat(sbp.lines().get(0).commission()).isEqualTo(new Money(260));
        assertThat(sbp.lines().get(0).net()).isEqualTo(new Money(9_740));
        assertThat(sbp.lines().get(1).commission()).as("66.3 kopecks, half-up").isEqualTo(new Money(66));
        assertThat(registry.groups().get(1).lines().get(0).commission())
                .as("8.658 kopecks")
                .isEqualTo(new Money(9));
        assertThat(registry.groups().get(1).total()).isEqualTo(new Money(333));
    }

    private static Payment paid(String operationId, long kopecks, PaymentMode type) {
        return new Payment(
                operationId,
                "300000092",
                "200000000001097",
                operationId,
                new Money(kopecks),
                Money.ZERO,
                "p",
                List.of(type),
                null,
                null,
                false,
                "c",
                false,
                10,
                null,
                PaymentStatus.APPROVED,
                NOW,
                new Payer(type, "pid-" + operationId, NOW, null, null, null, null),
                List.of());
    }

    private static NewPayment link(@Nullable String merchantId, List<PaymentMode> modes, boolean preAuthorization) {
        return new NewPayment(
                "300000092",
                merchantId,
                new Money(100),
                "p",
                modes,
                null,
                null,
                false,
                null,
                preAuthorization,
                10,
                null,
                null);
    }

    private static Retailer retailer(String merchantId, List<PaymentMode> modes, boolean active) {
        return new Retailer(
                merchantId,
                "300000092",
                "shop",
                null,
                "5999",
                new BigDecimal("2.6"),
                null,
                RetailerStatus.REG,
                active,
                modes,
                null);
    }

    private static void assertRejected(Runnable action, Rejected.Kind kind, @Nullable String field, String problem) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.kind()).isEqualTo(kind);
            assertThat(rejected.field()).isEqualTo(field);
            assertThat(rejected.problems()).containsExactly(field == null ? problem : field + ": " + problem);
        });
    }
}
