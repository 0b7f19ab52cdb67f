package tochka.acquiring.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The pure parts of retrying and reading: backoff, Retry-After, the answer size limit. */
class RetryTimingTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void the_backoff_doubles_up_to_its_cap_and_is_cut_by_at_most_a_quarter() {
        for (int i = 0; i < 100; i++) {
            assertThat(policy.backoff(1).toMillis()).isBetween(75L, 100L);
            assertThat(policy.backoff(2).toMillis()).isBetween(150L, 200L);
            assertThat(policy.backoff(3).toMillis()).isBetween(300L, 400L);
            assertThat(policy.backoff(5).toMillis()).isBetween(750L, 1000L);
            assertThat(policy.backoff(40).toMillis()).isBetween(750L, 1000L);
        }
    }

    @Test
    void the_bank_s_retry_after_is_honoured_up_to_the_longest_backoff() {
        assertThat(policy.honour(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(policy.honour(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.honour(Duration.ofDays(1))).isEqualTo(policy.maxBackoff());
    }

    @Test
    void retry_after_is_read_as_seconds_or_an_http_date_and_ignored_when_unreadable() {
        assertThat(Transport.retryAfter("0")).contains(Duration.ZERO);
        assertThat(Transport.retryAfter(" 7 ")).contains(Duration.ofSeconds(7));
        assertThat(Transport.retryAfter("99999999999999999999999")).contains(Duration.ofDays(1));
        assertThat(Transport.retryAfter("")).isEmpty();
        assertThat(Transport.retryAfter("-1")).isEmpty();
        assertThat(Transport.retryAfter("1.5")).isEmpty();
        assertThat(Transport.retryAfter("soon")).isEmpty();
        assertThat(Transport.retryAfter("1".repeat(100))).isEmpty();
        assertThat(Transport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        assertThat(Transport.retryAfter(inAnHour))
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMinutes(58), Duration.ofHours(1)));
    }

    @Test
    void an_answer_within_the_limit_is_kept_whole() {
        LimitedBody body = new LimitedBody(10);
        Subscription subscription = new Subscription();
        body.onSubscribe(subscription);
        body.onNext(List.of(bytes("hello "), bytes("bank")));
        body.onComplete();

        assertThat(new String(body.getBody().toCompletableFuture().join(), StandardCharsets.UTF_8))
                .isEqualTo("hello bank");
        assertThat(subscription.cancelled).isFalse();
    }

    @Test
    void an_answer_past_the_limit_is_refused_and_its_reading_stopped() {
        LimitedBody body = new LimitedBody(10);
        Subscription subscription = new Subscription();
        body.onSubscribe(subscription);
        body.onNext(List.of(bytes("hello "), bytes("bank!")));
        body.onNext(List.of(bytes("more")));
        body.onComplete();

        assertThat(body.getBody().toCompletableFuture())
                .isCompletedExceptionally()
                .failsWithin(Duration.ZERO)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(LimitedBody.TooLarge.class);
        assertThat(subscription.cancelled).isTrue();
    }

    @Test
    void an_aborted_answer_stops_its_reading() {
        LimitedBody body = new LimitedBody(10);
        Subscription subscription = new Subscription();
        body.onSubscribe(subscription);
        body.abort();

        assertThat(body.getBody().toCompletableFuture()).isCompletedExceptionally();
        assertThat(subscription.cancelled).isTrue();
    }

    @Test
    void a_dot_segment_or_an_overlong_id_never_reaches_the_path() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Paths.of("a").segment("id", "."));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Paths.of("a").segment("id", "x".repeat(Paths.MAX_SEGMENT + 1)));
        assertThat(Paths.of("a")
                        .segment("id", "../b")
                        .query("q", "x y&z")
                        .query("n", null)
                        .toString())
                .isEqualTo("a/..%2Fb?q=x%20y%26z");
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final class Subscription implements Flow.Subscription {
        volatile boolean cancelled;

        @Override
        public void request(long n) {}

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
