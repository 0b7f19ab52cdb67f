package tochka.acquiring.server.checkout;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import tochka.acquiring.server.payments.Payment;

/**
 * A dynamic SBP QR code as the NSPK issues them: {@code https://qr.nspk.ru/<qrcId>?type=02&bank=...&sum=<kopecks>
 * &cur=RUB&crc=<CRC-16>}, here also carrying the purpose. The buyer's "bank app" of this server lives at the same
 * path on our own host.
 */
final class SbpQr {

    static final String NSPK = "https://qr.nspk.ru";
    /** The NSPK member id of Tochka Bank, as real Tochka QR codes carry it. */
    private static final String BANK = "100000000284";

    private static final int SIZE = 320;

    private SbpQr() {}

    /** The payload a phone camera reads: NSPK's host, this QR's id, amount, currency, purpose, checksum. */
    static String payload(String qrcId, Payment payment) {
        String query = "type=02&bank=" + BANK + "&sum=" + payment.amount().kopecks() + "&cur=RUB&purpose="
                + URLEncoder.encode(payment.purpose(), StandardCharsets.UTF_8);
        String unsigned = NSPK + "/" + qrcId + "?" + query;
        return unsigned + "&crc=" + String.format(Locale.ROOT, "%04X", crc16(unsigned));
    }

    /** The same path and query on {@code publicUrl}: where this server's bank app answers. */
    static String bankAppUrl(String payload, String publicUrl) {
        return publicUrl + payload.substring(NSPK.length());
    }

    static byte[] png(String payload) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            SIZE,
                            SIZE,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    2,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CRC-16/CCITT-FALSE, the checksum NSPK payloads end with. */
    static int crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }
}
