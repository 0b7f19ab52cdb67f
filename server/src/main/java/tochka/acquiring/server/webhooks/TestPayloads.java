package tochka.acquiring.server.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import tochka.acquiring.api.AcquiringInternetPaymentEvent;
import tochka.acquiring.api.IncomingSbpPaymentEvent;
import tochka.acquiring.api.WebhookType;

/**
 * What a test webhook carries: the bank's own documentation example of each type, addressed to the subscriber's
 * company. Receivers can parse it like a real one; its ids point at nothing.
 */
final class TestPayloads {

    private static final String PURPOSE = "Оплата по счету № 1 от 01.01.2021. Без НДС";
    private static final String QRC_ID = "AS10006DPRTEFPFS9HJ9SQSDSVRHJD3L";

    private TestPayloads() {}

    static Object of(WebhookType type, String customerCode) {
        return switch (type) {
            case acquiringInternetPayment ->
                new AcquiringInternetPaymentEvent(
                        customerCode,
                        "0.33",
                        "card",
                        "beeac8a4-6047-3f38-8922-a664e6b5c43b",
                        null,
                        PURPOSE,
                        null,
                        null,
                        type.name(),
                        "200000000001234",
                        "917ed389-a120-4291-8e73-38c6ef7d6770",
                        "APPROVED",
                        "12345-ab-cd");
            case incomingSbpPayment ->
                new IncomingSbpPaymentEvent(
                        "A22001100263820100000533E625FCB3",
                        QRC_ID,
                        "0.33",
                        "+99991234567",
                        "Иван Иванович И.",
                        "Кофейня у Артема",
                        "MF0000000001",
                        PURPOSE,
                        type.name(),
                        customerCode,
                        "cb1ef10b-39e9-4e55-aef9-d6bcc396ff0f");
            case incomingSbpB2BPayment ->
                ordered(
                        "qrcId",
                        QRC_ID,
                        "amount",
                        "0.33",
                        "purpose",
                        PURPOSE,
                        "webhookType",
                        type.name(),
                        "customerCode",
                        customerCode);
            case incomingPayment, outgoingPayment ->
                ordered(
                        "SidePayer",
                        side(),
                        "SideRecipient",
                        side(),
                        "purpose",
                        "Тестовое назначение платежа",
                        "documentNumber",
                        "00000",
                        "paymentId",
                        "0000000000",
                        "date",
                        "2018-10-01",
                        "webhookType",
                        type.name(),
                        "customerCode",
                        customerCode);
        };
    }

    private static Map<String, Object> side() {
        return ordered(
                "bankCode",
                "000000000",
                "bankName",
                "ООО Банк Точка",
                "bankCorrespondentAccount",
                "00000000000000000000",
                "account",
                "00000000000000000000",
                "name",
                "ИП Тест",
                "amount",
                "40.0",
                "currency",
                "RUB",
                "inn",
                "0000000000",
                "kpp",
                "0000000000");
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }
}
