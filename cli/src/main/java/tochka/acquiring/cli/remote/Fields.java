package tochka.acquiring.cli.remote;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One thing shown as {@code name  value} lines, the names aligned: a payment, a refund. */
final class Fields {

    private final List<String[]> lines = new ArrayList<>();

    /** Adds a line; a null value is left out. */
    Fields add(String name, @Nullable Object value) {
        if (value != null) lines.add(new String[] {name, value.toString()});
        return this;
    }

    void print(PrintWriter out) {
        int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
        for (String[] line : lines) {
            out.println(line[0] + " ".repeat(width - line[0].length() + 2) + line[1]);
        }
        out.flush();
    }
}
