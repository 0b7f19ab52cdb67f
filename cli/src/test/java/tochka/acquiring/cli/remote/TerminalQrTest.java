package tochka.acquiring.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The QR code's drawing: its size, its quiet zone and its three finder patterns, read back from the lines. */
class TerminalQrTest {

    private static final String LINK = "http://localhost:8080/checkout/2f1e0c3a-8d7b-4c55-9a51-6b0f3c2d4e5f";

    @Test
    void draws_two_rows_of_modules_per_line_of_equal_width() {
        List<String> lines = TerminalQr.render(LINK).orElseThrow();
        boolean[][] light = modules(lines);
        int size = light[0].length;

        // A QR code is 21 + 4k modules square, plus the quiet zone on each side.
        int code = size - 2 * TerminalQr.QUIET_ZONE;
        assertThat((code - 21) % 4).isZero();
        assertThat(lines).hasSize((size + 1) / 2);
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(size).matches("[▀▄█ ]+"));
    }

    @Test
    void is_framed_by_a_light_quiet_zone() {
        boolean[][] light = modules(TerminalQr.render(LINK).orElseThrow());
        int size = light[0].length;
        for (int i = 0; i < size; i++) {
            for (int q = 0; q < TerminalQr.QUIET_ZONE; q++) {
                assertThat(light[q][i]).as("top row %d, column %d", q, i).isTrue();
                assertThat(light[size - 1 - q][i]).as("bottom row %d", q).isTrue();
                assertThat(light[i][q]).as("left column %d", q).isTrue();
                assertThat(light[i][size - 1 - q]).as("right column %d", q).isTrue();
            }
        }
    }

    @Test
    void has_finder_patterns_in_three_corners_and_not_in_the_fourth() {
        boolean[][] light = modules(TerminalQr.render(LINK).orElseThrow());
        int q = TerminalQr.QUIET_ZONE;
        int far = light[0].length - q - 7;
        assertThat(finder(light, q, q)).as("top left").isTrue();
        assertThat(finder(light, q, far)).as("top right").isTrue();
        assertThat(finder(light, far, q)).as("bottom left").isTrue();
        assertThat(finder(light, far, far)).as("bottom right").isFalse();
    }

    @Test
    void a_qr_reader_reads_the_link_back_from_the_drawing() throws Exception {
        boolean[][] light = modules(TerminalQr.render(LINK).orElseThrow());
        int size = light[0].length;
        // The drawing as a camera would see it on a dark terminal, 4 pixels a module: light blocks white.
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        for (int y = 0; y < size * scale; y++) {
            for (int x = 0; x < size * scale; x++) {
                pixels[y * size * scale + x] = light[y / scale][x / scale] ? 0xFFFFFF : 0x000000;
            }
        }
        BinaryBitmap image =
                new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size * scale, size * scale, pixels)));
        assertThat(new QRCodeReader().decode(image).getText()).isEqualTo(LINK);
    }

    @Test
    void draws_nothing_for_a_text_too_long_for_a_terminal() {
        assertThat(TerminalQr.render("x".repeat(TerminalQr.MAX_TEXT + 1))).isEmpty();
        assertThat(TerminalQr.render("")).isEmpty();
    }

    /** The modules the lines draw, light ones true, a row below the last line's upper half dark. */
    private static boolean[][] modules(List<String> lines) {
        int width = lines.get(0).length();
        boolean[][] light = new boolean[lines.size() * 2][width];
        for (int line = 0; line < lines.size(); line++) {
            for (int x = 0; x < width; x++) {
                char c = lines.get(line).charAt(x);
                light[2 * line][x] = c == '█' || c == '▀';
                light[2 * line + 1][x] = c == '█' || c == '▄';
            }
        }
        // Square: the drawing's last half row is the terminal's, when the code has an odd number of rows.
        boolean[][] square = new boolean[width][];
        System.arraycopy(light, 0, square, 0, width);
        return square;
    }

    /** Whether the 7 by 7 modules at {@code row}, {@code column} are a finder: dark ring, light ring, dark 3x3. */
    private static boolean finder(boolean[][] light, int row, int column) {
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 7; x++) {
                boolean ring = y == 0 || y == 6 || x == 0 || x == 6;
                boolean core = y >= 2 && y <= 4 && x >= 2 && x <= 4;
                boolean dark = ring || core;
                if (light[row + y][column + x] == dark) return false;
            }
        }
        return true;
    }
}
