package tochka.acquiring.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads the QR codes the server draws, as a phone's camera would. */
public final class QrCodes {

    private QrCodes() {}

    /**
     * The text of the QR code in {@code png}. The image is the server's own computer-drawn PNG, so it is read as a
     * pure barcode: ZXing's finder-pattern search for photos misses about one in a hundred of these codes (random
     * qrcIds), which would make the tests flaky.
     */
    public static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG image").isNotNull();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true, DecodeHintType.CHARACTER_SET, "UTF-8"))
                .getText();
    }
}
