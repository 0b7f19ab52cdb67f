package tochka.acquiring.cli.remote;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A QR code drawn with text for a terminal, so that a phone's camera opens a payment link from the screen: two
 * rows of modules per line with the half blocks {@code ▀ ▄ █} and a space.
 *
 * <p>The blocks draw the <em>light</em> modules and the quiet zone, the terminal's background stands for the dark
 * ones (as {@code qrencode -t UTF8} does): developers' terminals are mostly light text on a dark background, and a
 * camera needs dark modules on a light field. The quiet zone is {@link #QUIET_ZONE} modules, not the standard's
 * four: a terminal has few lines to spare, and phones read it.
 */
final class TerminalQr {

    /** The light margin around the code, in modules. */
    static final int QUIET_ZONE = 2;

    /** The longest text drawn: a payment link is far shorter, and a larger code would not fit a terminal. */
    static final int MAX_TEXT = 1024;

    private TerminalQr() {}

    /** {@code text} as a QR code's lines; empty when it is too long to draw. */
    static Optional<List<String>> render(String text) {
        if (text.isEmpty() || text.length() > MAX_TEXT) return Optional.empty();
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE,
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.L,
                                    EncodeHintType.CHARACTER_SET,
                                    StandardCharsets.UTF_8.name()));
        } catch (WriterException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(lines(matrix));
    }

    /** The lines of {@code matrix} (set bits are dark modules), two rows to a line; below the last row is dark. */
    static List<String> lines(BitMatrix matrix) {
        List<String> lines = new ArrayList<>((matrix.getHeight() + 1) / 2);
        for (int y = 0; y < matrix.getHeight(); y += 2) {
            StringBuilder line = new StringBuilder(matrix.getWidth());
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean upperLight = !matrix.get(x, y);
                boolean lowerLight = y + 1 < matrix.getHeight() && !matrix.get(x, y + 1);
                line.append(upperLight ? (lowerLight ? '█' : '▀') : (lowerLight ? '▄' : ' '));
            }
            lines.add(line.toString());
        }
        return List.copyOf(lines);
    }
}
