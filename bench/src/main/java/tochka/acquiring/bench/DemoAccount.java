package tochka.acquiring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The demo world our server's first start wrote to {@code demo.env}: the key, the admin token, the company. */
record DemoAccount(String token, String admin, String customerCode, String clientId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the KEY=value lines of {@code demo.env} (values possibly quoted). */
    static DemoAccount read(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            if (trimmed.startsWith("export ")) trimmed = trimmed.substring("export ".length());
            int equals = trimmed.indexOf('=');
            if (equals < 0) continue;
            String value = trimmed.substring(equals + 1);
            if (value.length() >= 2
                    && ((value.startsWith("\"") && value.endsWith("\""))
                            || (value.startsWith("'") && value.endsWith("'")))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(trimmed.substring(0, equals), value);
        }
        return new DemoAccount(
                value(values, "TOCHKA_TOKEN", file),
                value(values, "TOCHKA_ADMIN_TOKEN", file),
                value(values, "TOCHKA_CUSTOMER_CODE", file),
                value(values, "TOCHKA_CLIENT_ID", file));
    }

    private static String value(Map<String, String> values, String name, Path file) {
        String value = values.get(name);
        if (value == null) throw new BenchFailure(file + " has no " + name);
        return value;
    }

    /** The create body of the README's walkthrough, for this company. */
    String createBody() throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode data = body.putObject("Data");
        data.put("customerCode", customerCode);
        data.put("amount", 10);
        data.put("purpose", "Тестовый платёж");
        data.putArray("paymentMode").add("sbp").add("card");
        data.put("redirectUrl", "https://tochka.com/");
        return JSON.writeValueAsString(body);
    }
}
