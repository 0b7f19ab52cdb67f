package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tochka.acquiring.client.Bank.answer;
import static tochka.acquiring.client.Bank.error;

import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each error answer becomes: the exception class by meaning, with what the bank said, and no retry. */
class ErrorMappingTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @ParameterizedTest
    @CsvSource({
        "400, Validation Error, Validation Error, InvalidRequestException",
        "400, Bad Request, Operation Not Allowed, ConflictException",
        "401, Unauthorized, Unauthorized, AuthenticationException",
        "403, Forbidden, Forbidden, PermissionException",
        "404, Not Found, Not Found, NotFoundException",
        "409, Conflict, Conflict, ConflictException",
    })
    void a_client_error_becomes_the_exception_of_its_meaning_and_is_not_retried(
            int status, String message, String errorCode, String exception) {
        server.enqueue(answer(status, error(status, message, errorCode, "must be positive")));
        TochkaClient client = Bank.client(server).build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOfSatisfying(TochkaException.class, e -> {
            assertThat(e.getClass().getSimpleName()).isEqualTo(exception);
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.errorId()).isEqualTo("err-" + status);
            assertThat(e.errorCode()).isEqualTo(String.valueOf(status));
            assertThat(e.bankMessage()).isEqualTo(message);
            assertThat(e.errors())
                    .singleElement()
                    .satisfies(d -> assertThat(d.errorCode()).isEqualTo(errorCode));
            // What to fix, where: the bank's message, the field and the detail, and the id for its support.
            assertThat(e.getMessage()).contains(message, "Data.amount", "must be positive", "err-" + status);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void an_error_body_without_errors_keeps_the_bank_s_id_and_message() {
        server.enqueue(answer(403, "{\"code\":\"403\",\"id\":\"e-9\",\"message\":\"Forbidden\"}"));
        TochkaClient client = Bank.client(server).build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOfSatisfying(PermissionException.class, e -> {
            assertThat(e.errorId()).isEqualTo("e-9");
            assertThat(e.bankMessage()).isEqualTo("Forbidden");
            assertThat(e.errors()).isEmpty();
        });
    }

    @Test
    void a_proxy_s_html_error_page_gives_a_readable_message() {
        String page = "<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>"
                + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(502)
                    .setHeader("Content-Type", "text/html")
                    .body(page)
                    .build());
        }
        TochkaClient client = Bank.client(server).build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(502);
            assertThat(e.errorId()).isNull();
            assertThat(e.getMessage()).contains("HTTP 502", "502 Bad Gateway", "nginx");
            assertThat(e.getMessage()).doesNotContain("<", "color:red");
        });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a_success_with_broken_json_is_a_server_exception_and_not_retried() {
        server.enqueue(Bank.ok("{\"Data\": {\"Operation\": [ {\"amount\": 1"));
        TochkaClient client = Bank.client(server).build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.getMessage()).contains("not the bank's JSON");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void an_answer_larger_than_the_limit_is_refused_unread_and_not_retried() {
        long size = Transport.MAX_ANSWER_BYTES + 1024 * 1024;
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(new Spaces(size))
                .build());
        TochkaClient client =
                Bank.client(server).requestTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> client.payments().get("op-1")).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.getMessage()).contains("larger than " + Transport.MAX_ANSWER_BYTES);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** A body of {@code size} spaces, streamed without holding it. */
    private static final class Spaces implements MockResponseBody {
        private final long size;

        Spaces(long size) {
            this.size = size;
        }

        @Override
        public long getContentLength() {
            return size;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (long left = size; left > 0; left -= chunk.length) {
                sink.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
        }
    }
}
