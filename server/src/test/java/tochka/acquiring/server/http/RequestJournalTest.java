package tochka.acquiring.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.http.RequestJournal.Body;

/** The journal keeps the last calls only, bodies bounded and masked, and finds calls by what they mention. */
class RequestJournalTest {

    private final RequestJournal journal =
            new RequestJournal(3, Clock.fixed(Instant.parse("2025-03-01T11:00:00Z"), ZoneOffset.UTC));

    private void add(String path, String request, String response) {
        journal.add(
                Instant.EPOCH,
                "POST",
                path,
                200,
                5,
                "client",
                Body.of(request.getBytes(StandardCharsets.UTF_8)),
                Body.of(new ByteArrayInputStream(response.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void it_keeps_the_last_calls_newest_first_and_forgets_older_ones() {
        for (int i = 1; i <= 5; i++) add("/uapi/" + i, "", "");

        assertThat(journal.recent())
                .extracting(RequestJournal.Entry::path)
                .containsExactly("/uapi/5", "/uapi/4", "/uapi/3");
        assertThat(journal.find(5)).isPresent();
        assertThat(journal.find(2)).as("overwritten").isEmpty();
        assertThat(journal.find(0)).isEmpty();
        assertThat(journal.find(-7)).isEmpty();
    }

    @Test
    void bodies_are_cut_at_16_kib_and_masked() {
        String big = "x".repeat(RequestJournal.MAX_BODY_BYTES + 100);
        add("/uapi/a", big, "{\"cvc\": \"123\"}");

        RequestJournal.Entry entry = journal.recent().get(0);
        assertThat(entry.requestBody()).hasSize(RequestJournal.MAX_BODY_BYTES);
        assertThat(entry.requestCut()).isTrue();
        assertThat(entry.responseBody()).isEqualTo("{\"cvc\": \"***\"}");
        assertThat(entry.responseCut()).isFalse();
    }

    @Test
    void a_response_stream_is_read_from_its_start_and_left_for_another_reader() throws Exception {
        ByteArrayInputStream sent = new ByteArrayInputStream("{\"ok\": true}".getBytes(StandardCharsets.UTF_8));
        var unused = sent.readAllBytes(); // Javalin has written it out

        assertThat(Body.of(sent).text()).isEqualTo("{\"ok\": true}");
        assertThat(new String(sent.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\": true}");
    }

    @Test
    void touching_finds_the_calls_that_mention_an_id_in_the_path_or_a_body() {
        add("/uapi/acquiring/v1.0/payments/op-1", "", "");
        add("/uapi/acquiring/v1.0/payments", "{}", "{\"operationId\": \"op-2\"}");
        add("/uapi/other", "{\"ref\": \"op-2\"}", "");

        assertThat(journal.touching("op-2"))
                .extracting(RequestJournal.Entry::path)
                .containsExactly("/uapi/other", "/uapi/acquiring/v1.0/payments");
        assertThat(journal.touching("")).isEmpty();
    }
}
