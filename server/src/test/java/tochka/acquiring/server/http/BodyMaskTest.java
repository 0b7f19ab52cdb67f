package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the request log hides before it keeps a body: tokens, card numbers, CVCs, secret fields; and what it keeps. */
class BodyMaskTest {

    private static final String JWT =
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJhYmMiLCJzdWIiOiJkZWYifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    @Test
    void a_jwt_anywhere_keeps_only_its_first_letters() {
        String masked = BodyMask.mask("{\"note\": \"" + JWT + "\"} and " + JWT);

        assertThat(masked).doesNotContain("eyJhbGci", "c2lnbmF0dXJl").contains("\"note\": \"eyJ…***\"");
    }

    @Test
    void card_numbers_keep_only_their_last_four_digits_in_any_grouping() {
        String masked = BodyMask.mask(
                "{\"pan\": \"4111111111111111\", \"n\": 5500000000000004, \"spaced\": \"4111 1111 1111 1234\","
                        + " \"dashed\": \"2200-0000-0000-0053\", \"long\": \"4111111111111111111\"}");

        assertThat(masked)
                .doesNotContain("411111111111", "550000000000", "4111 1111", "2200-0000")
                .contains("***1111", "***0004", "***1234", "***0053");
    }

    @Test
    void cvc_token_and_password_fields_are_hidden_in_json_and_in_forms() {
        String json = BodyMask.mask("{\"cvc\": \"123\", \"CVV2\": 456, \"accessToken\": \"abc.def\","
                + " \"password\" : \"hunter2\", \"securityCode\": \"999\", \"amount\": \"10.50\"}");
        String form = BodyMask.mask("pan=4111111111111111&cvc=123&page_token=xyz&amount=10");

        assertThat(json)
                .doesNotContain("123", "456", "abc.def", "hunter2", "999")
                .contains("\"cvc\": \"***\"", "\"CVV2\": \"***\"", "\"amount\": \"10.50\"");
        assertThat(form).isEqualTo("pan=***1111&cvc=***&page_token=***&amount=10");
        assertThat(BodyMask.mask("{\"redirectUrl\": \"https://shop.example/back?token=abc&x=1\", \"n\": 1}"))
                .isEqualTo("{\"redirectUrl\": \"https://shop.example/back?token=***&x=1\", \"n\": 1}");
    }

    @Test
    void the_banks_ids_and_amounts_are_left_as_they_are() {
        String body = "{\"Data\": {\"customerCode\": \"300000092\", \"merchantId\": \"MF0000000001\","
                + " \"operationId\": \"beeac8a4-3e2b-4a74-a6ae-93f6ab8b1b3a\", \"accountId\": "
                + "\"40702810000000000001/044525104\", \"amount\": 1234.56,"
                + " \"paymentLinkId\": \"12345678-1234-1234-1234-123456789012\","
                + " \"createdAt\": \"2025-03-01T14:05:09+03:00\"}}";

        assertThat(BodyMask.mask(body)).isEqualTo(body);
    }

    @Test
    void nothing_to_hide_returns_the_same_text() {
        assertThat(BodyMask.mask("")).isEmpty();
        assertThat(BodyMask.mask("plain text 12345")).isEqualTo("plain text 12345");
    }

    @Test
    void card_numbers_are_found_as_the_pattern_over_the_whole_text_finds_them() {
        // The mask tries its pattern only inside stretches of digits, spaces and dashes; over many random texts of
        // such characters and their neighbours, it must hide exactly what the pattern over the whole text hides.
        Pattern wholeText = Pattern.compile("(?<![\\w.-])\\d(?:[ -]?\\d){12,18}(?![\\w.-])");
        String alphabet = "0123456789012345678901234567890123456789  --.a\"_:,";
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int c = 0; c < length; c++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            Matcher matcher = wholeText.matcher(text);
            StringBuilder expected = new StringBuilder();
            while (matcher.find()) {
                String digits = matcher.group().replaceAll("[ -]", "");
                matcher.appendReplacement(expected, "***" + digits.substring(digits.length() - 4));
            }
            matcher.appendTail(expected);

            assertThat(BodyMask.mask(text.toString())).as(text.toString()).isEqualTo(expected.toString());
        }
    }
}
