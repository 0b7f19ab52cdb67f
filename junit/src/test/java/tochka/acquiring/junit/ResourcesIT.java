package tochka.acquiring.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.AcquiringPaymentStatus;
import tochka.acquiring.api.Consent;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.api.Customer;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.api.Measure;
import tochka.acquiring.api.OrderType;
import tochka.acquiring.api.PaymentMethod;
import tochka.acquiring.api.PaymentObject;
import tochka.acquiring.api.PaymentOperation;
import tochka.acquiring.api.PaymentType;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.ReceiptClient;
import tochka.acquiring.api.ReceiptItem;
import tochka.acquiring.api.Refund;
import tochka.acquiring.api.RegistryEntry;
import tochka.acquiring.api.RegistryPayment;
import tochka.acquiring.api.Retailer;
import tochka.acquiring.api.TaxSystemCode;
import tochka.acquiring.api.VatType;
import tochka.acquiring.api.Webhook;
import tochka.acquiring.api.WebhookType;
import tochka.acquiring.client.ConflictException;
import tochka.acquiring.client.InvalidRequestException;
import tochka.acquiring.client.NotFoundException;
import tochka.acquiring.client.Page;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.PaymentQuery;
import tochka.acquiring.client.PermissionException;
import tochka.acquiring.client.Receipt;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.client.webhook.WebhookEvent;
import tochka.acquiring.client.webhook.WebhookVerifier;
import tochka.acquiring.testkit.TestServer;
import tochka.acquiring.testkit.WebhookReceiver;

/** Every resource of the SDK against the real server, through the extension: one server for the class. */
@TochkaServer
class ResourcesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final TochkaClient tochka;
    private final ServerControl control;

    ResourcesIT(TochkaClient tochka, ServerControl control) {
        this.tochka = tochka;
        this.control = control;
    }

    @Test
    void customers_lists_the_companies_of_the_key_and_reads_one(@CustomerCode String customerCode) {
        List<Customer> customers = tochka.customers().list();

        assertThat(customers).extracting(Customer::customerCode).contains(customerCode);
        Customer business = tochka.customers().get(customerCode);
        assertThat(business.customerType()).isEqualTo(CustomerType.Business);
        assertThat(business.fullName()).isNotBlank();
    }

    @Test
    void retailers_are_the_demo_company_retail_point(@MerchantId String merchantId) {
        List<Retailer> retailers = tochka.customers().retailers();

        assertThat(retailers).singleElement().satisfies(retailer -> {
            assertThat(retailer.merchantId()).isEqualTo(merchantId);
            assertThat(retailer.paymentModes()).contains(AcquiringPaymentMode.CARD, AcquiringPaymentMode.SBP);
        });
    }

    @Test
    void a_created_link_reads_back_with_its_amount_and_status() {
        CreatedPayment created = tochka.payments().create(link("1500.50"));

        PaymentOperation read = tochka.payments().get(created.operationId());

        assertThat(created.paymentLink()).startsWith("http");
        assertThat(read.amount()).isEqualByComparingTo("1500.50");
        assertThat(read.status()).isEqualTo(AcquiringPaymentStatus.CREATED);
        assertThat(read.paymentLinkId()).isEqualTo(created.paymentLinkId()).isNotBlank();
    }

    @Test
    void a_link_with_a_receipt_carries_its_items_and_tax_system() {
        ReceiptItem tea = new ReceiptItem(
                VatType.VAT22,
                "Чай",
                new BigDecimal("500.25"),
                new BigDecimal("2"),
                PaymentMethod.FULL_PAYMENT,
                PaymentObject.GOODS,
                Measure.PIECE,
                null);
        ReceiptItem cup =
                new ReceiptItem(null, "Чашка", new BigDecimal("500"), BigDecimal.ONE, null, null, Measure.PIECE, null);
        Receipt receipt = new Receipt(
                new ReceiptClient("Иван", "ivan@example.com", null), List.of(tea, cup), TaxSystemCode.USN_INCOME, null);

        CreatedPayment created = tochka.payments().createWithReceipt(link("1500.50"), receipt);

        assertThat(created.client()).extracting(ReceiptClient::email).isEqualTo("ivan@example.com");
        PaymentOperation read = tochka.payments().get(created.operationId());
        assertThat(read.taxSystemCode()).isEqualTo(TaxSystemCode.USN_INCOME);
        assertThat(read.items()).extracting(ReceiptItem::name).containsExactly("Чай", "Чашка");
        assertThat(read.items())
                .first()
                .satisfies(item -> assertThat(item.amount()).isEqualByComparingTo("500.25"));
    }

    @Test
    void the_list_comes_in_pages_that_auto_paging_and_the_stream_walk_to_the_end() {
        long before = tochka.payments().list(PaymentQuery.all()).stream().count();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++)
            mine.add(tochka.payments().create(link("3.00")).operationId());

        Page<PaymentOperation> first = tochka.payments().list(PaymentQuery.all().perPage(2));

        long total = before + 5;
        assertThat(first.items()).hasSize(2);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.totalPages()).isEqualTo((int) ((total + 1) / 2));
        assertThat(first.next().number()).isEqualTo(2);
        List<String> walked = new ArrayList<>();
        first.autoPagingIterable().forEach(payment -> walked.add(payment.operationId()));
        assertThat(walked).hasSize((int) total).doesNotHaveDuplicates().containsAll(mine);
        // Newest first: the five just made lead the list.
        assertThat(walked.subList(0, 5)).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(first.stream().map(PaymentOperation::operationId).collect(Collectors.toList()))
                .isEqualTo(walked);
    }

    @Test
    void the_list_filters_by_status_and_date() {
        String paid = tochka.payments().create(link("4.00")).operationId();
        control.pay(paid);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));

        List<PaymentOperation> approved = tochka
                .payments()
                .list(PaymentQuery.all()
                        .inStatus(AcquiringPaymentStatus.APPROVED)
                        .between(today.minusDays(1), null))
                .stream()
                .collect(Collectors.toList());

        assertThat(approved).extracting(PaymentOperation::operationId).contains(paid);
        assertThat(approved).extracting(PaymentOperation::status).containsOnly(AcquiringPaymentStatus.APPROVED);
    }

    @Test
    void a_link_is_found_by_the_merchant_own_payment_link_id() {
        String orderId = "order-" + UUID.randomUUID().toString().substring(0, 8);
        CreatedPayment created = tochka.payments()
                .create(PaymentLinkRequest.builder()
                        .amount("12.00")
                        .purpose("Order " + orderId)
                        .paymentModes(AcquiringPaymentMode.CARD)
                        .paymentLinkId(orderId)
                        .build());

        assertThat(tochka.payments().findByPaymentLinkId(null, orderId))
                .hasValueSatisfying(found -> assertThat(found.operationId()).isEqualTo(created.operationId()));
        assertThat(tochka.payments().findByPaymentLinkId(null, "no-such-order")).isEmpty();
    }

    @Test
    void a_paid_link_is_refunded_in_part_and_then_in_full() {
        String operationId = tochka.payments().create(link("100.00")).operationId();
        control.pay(operationId);

        Refund part = tochka.payments().refund(operationId, new BigDecimal("30.00"));

        assertThat(part.amount()).isEqualByComparingTo("30.00");
        assertThat(tochka.payments().get(operationId).status()).isEqualTo(AcquiringPaymentStatus.REFUNDED_PARTIALLY);
        Refund rest = tochka.payments().refund(operationId, new BigDecimal("70"));
        PaymentOperation refunded = tochka.payments().get(operationId);
        assertThat(refunded.status()).isEqualTo(AcquiringPaymentStatus.REFUNDED);
        assertThat(refunded.order())
                .filteredOn(order -> order.type() == OrderType.REFUND)
                .extracting(order -> order.orderId())
                .containsExactlyInAnyOrder(part.orderId(), rest.orderId());
    }

    @Test
    void a_two_stage_payment_is_captured_after_the_buyer_authorized_it() {
        String operationId = tochka.payments()
                .create(PaymentLinkRequest.builder()
                        .amount("250.00")
                        .purpose("Hotel deposit")
                        .paymentModes(AcquiringPaymentMode.CARD)
                        .preAuthorization(true)
                        .build())
                .operationId();
        control.authorize(operationId);
        assertThat(tochka.payments().get(operationId).status()).isEqualTo(AcquiringPaymentStatus.AUTHORIZED);

        tochka.payments().capture(operationId);

        assertThat(tochka.payments().get(operationId).status()).isEqualTo(AcquiringPaymentStatus.APPROVED);
    }

    @Test
    void a_card_payment_joins_the_registry_of_its_day_once_the_day_is_over(@MerchantId String merchantId) {
        String operationId = tochka.payments().create(link("50.00")).operationId();
        control.pay(operationId, PaymentType.CARD);
        String paidAt = tochka.payments().get(operationId).paidAt();
        assertThat(paidAt).isNotNull();
        LocalDate day = OffsetDateTime.parse(paidAt)
                .atZoneSameInstant(ZoneId.of("Europe/Moscow"))
                .toLocalDate();

        control.advanceClock(Duration.ofHours(24));

        List<RegistryEntry> registry = tochka.payments().registry(null, merchantId, day);
        assertThat(registry)
                .filteredOn(entry -> entry.paymentType() == PaymentType.CARD)
                .singleElement()
                .satisfies(card -> assertThat(card.payments())
                        .filteredOn(payment -> payment.operationId().equals(operationId))
                        .singleElement()
                        .satisfies(payment -> {
                            assertThat(payment.amount()).isEqualByComparingTo("50.00");
                            assertThat(payment.enrollmentAmount().add(payment.commission()))
                                    .isEqualByComparingTo("50.00");
                        }));
        assertThat(registry.get(0).payments())
                .extracting(RegistryPayment::operationId)
                .isNotEmpty();
    }

    @Test
    void consents_are_listed_asked_for_and_read() {
        assertThat(tochka.consents().list()).isNotEmpty();

        Consent asked = tochka.consents().create(List.of(Permission.ReadAcquiringData), null);

        assertThat(tochka.consents().get(asked.consentId()).permissions())
                .containsExactly(Permission.ReadAcquiringData);
        assertThat(tochka.consents().list()).extracting(Consent::consentId).contains(asked.consentId());
    }

    @Test
    void the_webhook_is_created_tested_read_edited_and_deleted(TestServer server, WebhookVerifier verifier) {
        String clientId = server.clientId();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Webhook created =
                    tochka.webhooks().create(clientId, receiver.url(), List.of(WebhookType.acquiringInternetPayment));

            assertThat(created.url()).isEqualTo(receiver.url());
            WebhookEvent first = verifier.verify(receiver.next(DEADLINE).body());
            assertThat(first.webhookType()).isEqualTo("acquiringInternetPayment");

            tochka.webhooks().testSend(clientId, WebhookType.acquiringInternetPayment);
            assertThat(verifier.verify(receiver.next(DEADLINE).body()).webhookType())
                    .isEqualTo("acquiringInternetPayment");

            assertThat(tochka.webhooks().get(clientId).webhooksList())
                    .containsExactly(WebhookType.acquiringInternetPayment);
            Webhook edited = tochka.webhooks()
                    .edit(
                            clientId,
                            receiver.url(),
                            List.of(WebhookType.acquiringInternetPayment, WebhookType.incomingSbpPayment));
            assertThat(edited.webhooksList())
                    .containsExactlyInAnyOrder(WebhookType.acquiringInternetPayment, WebhookType.incomingSbpPayment);

            tochka.webhooks().delete(clientId);

            assertThatThrownBy(() -> tochka.webhooks().get(clientId)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void another_company_is_refused_as_a_permission_error(TestServer server) {
        assertThatThrownBy(() -> tochka.payments().list(PaymentQuery.all().forCompany(server.sandboxCustomerCode())))
                .isInstanceOf(PermissionException.class)
                .satisfies(
                        e -> assertThat(((PermissionException) e).httpStatus()).isEqualTo(403));
    }

    @Test
    void an_unknown_payment_is_not_found() {
        String unknown = UUID.randomUUID().toString();

        assertThatThrownBy(() -> tochka.payments().get(unknown))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).errorId()).isNotBlank());
    }

    @Test
    void refunding_an_unpaid_link_is_a_conflict() {
        String operationId = tochka.payments().create(link("10.00")).operationId();

        assertThatThrownBy(() -> tochka.payments().refund(operationId, BigDecimal.TEN))
                .isInstanceOf(ConflictException.class);
        assertThat(tochka.payments().get(operationId).status()).isEqualTo(AcquiringPaymentStatus.CREATED);
    }

    @Test
    void an_amount_over_the_limit_is_an_invalid_request_with_the_server_message() {
        assertThatThrownBy(() -> tochka.payments().create(link("100000000.01")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("amount")
                .hasMessageContaining("must not exceed")
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors())
                        .isNotEmpty()
                        .allSatisfy(detail -> assertThat(detail.message()).isNotBlank()));
    }

    @Test
    void the_sandbox_token_lists_the_sandbox_company(TestServer server) {
        TochkaClient sandbox = TochkaClient.builder()
                .baseUrl(server.sandboxUrl())
                .token(TochkaClient.SANDBOX_TOKEN)
                .build();

        assertThat(sandbox.customers().list())
                .extracting(Customer::customerCode)
                .contains(server.sandboxCustomerCode());
    }

    private static PaymentLinkRequest link(String amount) {
        return PaymentLinkRequest.builder()
                .amount(amount)
                .purpose("test")
                .paymentModes(AcquiringPaymentMode.CARD)
                .build();
    }
}
