package tochka.acquiring.server.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.payments.Payment;
import tochka.acquiring.server.payments.PaymentStatus;
import tochka.acquiring.server.testing.QrCodes;

class SbpQrTest {

    private static final String QRC_ID = "AD1000000000000000000000000000QR";

    private final Payment payment = new Payment(
            "op",
            "300000092",
            "200000000001097",
            "1",
            new Money(123450),
            Money.ZERO,
            "Заказ 7",
            List.of(PaymentMode.SBP),
            null,
            null,
            false,
            "c",
            false,
            60,
            null,
            PaymentStatus.CREATED,
            Instant.parse("2026-01-01T00:00:00Z"),
            null,
            List.of());

    @Test
    void payload_is_nspk_shaped_with_amount_currency_purpose_and_checksum() {
        String payload = SbpQr.payload(QRC_ID, payment);

        assertThat(payload)
                .startsWith("https://qr.nspk.ru/" + QRC_ID + "?type=02&bank=")
                .contains("&sum=123450&cur=RUB&purpose=%D0%97%D0%B0%D0%BA%D0%B0%D0%B7+7&crc=");
        String unsigned = payload.substring(0, payload.indexOf("&crc="));
        assertThat(payload).endsWith(String.format("%04X", SbpQr.crc16(unsigned)));
    }

    @Test
    void crc16_is_ccitt_false() {
        assertThat(SbpQr.crc16("123456789")).isEqualTo(0x29B1);
    }

    @Test
    void the_png_decodes_back_to_the_payload() throws Exception {
        String payload = SbpQr.payload(QRC_ID, payment);

        assertThat(QrCodes.decode(SbpQr.png(payload))).isEqualTo(payload);
    }

    @Test
    void the_bank_app_answers_at_the_payloads_path_on_our_host() {
        assertThat(SbpQr.bankAppUrl("https://qr.nspk.ru/" + QRC_ID + "?type=02", "http://localhost:8080"))
                .isEqualTo("http://localhost:8080/" + QRC_ID + "?type=02");
    }
}
