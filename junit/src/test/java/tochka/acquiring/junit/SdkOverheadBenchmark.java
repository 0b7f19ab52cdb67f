package tochka.acquiring.junit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.Envelope;
import tochka.acquiring.api.OperationList;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.TochkaClient;
import tochka.acquiring.testkit.TestServer;

/**
 * The SDK's cost per call: {@code payments().get(operationId)} against the same {@code GET} sent with a bare
 * {@link HttpClient} (the body read as bytes), and against that plus Jackson reading the body into the same records,
 * to the same in-process server on SQLite, one call at a time. The three kinds alternate in blocks so that the
 * machine's noise falls on all of them alike. Run it with {@code bench/sdk-overhead [calls]}.
 */
public final class SdkOverheadBenchmark {

    private static final int BLOCK = 500;

    private SdkOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (TestServer server = TestServer.start()) {
            TochkaClient sdk = TochkaClient.builder()
                    .baseUrl(server.apiUrl())
                    .token(server.demoToken())
                    .customerCode(server.customerCode())
                    .build();
            String operationId = sdk.payments()
                    .create(PaymentLinkRequest.builder()
                            .amount("1500.00")
                            .purpose("Benchmark")
                            .paymentModes(AcquiringPaymentMode.CARD)
                            .build())
                    .operationId();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(server.apiUrl() + "/acquiring/v1.0/payments/" + operationId))
                    .header("Authorization", "Bearer " + server.demoToken())
                    .build();
            ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            JavaType type = json.getTypeFactory().constructParametricType(Envelope.class, OperationList.class);

            Call raw = () -> http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Call rawAsync = () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get();
            Call rawParsed = () -> json.readValue(
                    http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), type);
            Call client = () -> sdk.payments().get(operationId);

            for (int i = 0; i < 4; i++) {
                block(raw, new long[BLOCK], 0);
                block(rawAsync, new long[BLOCK], 0);
                block(rawParsed, new long[BLOCK], 0);
                block(client, new long[BLOCK], 0);
            }
            long[] rawNanos = new long[calls];
            long[] asyncNanos = new long[calls];
            long[] parsedNanos = new long[calls];
            long[] sdkNanos = new long[calls];
            for (int from = 0; from < calls; from += BLOCK) {
                int size = Math.min(BLOCK, calls - from);
                block(raw, rawNanos, from, size);
                block(rawAsync, asyncNanos, from, size);
                block(rawParsed, parsedNanos, from, size);
                block(client, sdkNanos, from, size);
            }
            System.out.printf(
                    Locale.ROOT, "GET /acquiring/v1.0/payments/{operationId}, %d calls each, one at a time%n", calls);
            System.out.printf(Locale.ROOT, "%-32s %9s %9s %9s %9s%n", "", "mean µs", "p50 µs", "p90 µs", "p99 µs");
            Stats rawStats = Stats.of(rawNanos);
            Stats parsedStats = Stats.of(parsedNanos);
            Stats sdkStats = Stats.of(sdkNanos);
            rawStats.print("HttpClient, bytes");
            Stats.of(asyncNanos).print("HttpClient.sendAsync, bytes");
            parsedStats.print("HttpClient + Jackson records");
            sdkStats.print("TochkaClient payments().get");
            System.out.printf(
                    Locale.ROOT,
                    "SDK overhead per call: %+.1f µs against bytes (%.2fx), %+.1f µs against bytes + Jackson (%.2fx), by mean%n",
                    (sdkStats.mean - rawStats.mean) / 1000.0,
                    sdkStats.mean / rawStats.mean,
                    (sdkStats.mean - parsedStats.mean) / 1000.0,
                    sdkStats.mean / parsedStats.mean);
        }
    }

    private static void block(Call call, long[] into, int from) throws Exception {
        block(call, into, from, into.length);
    }

    private static void block(Call call, long[] into, int from, int size) throws Exception {
        for (int i = 0; i < size; i++) {
            long start = System.nanoTime();
            call.run();
            into[from + i] = System.nanoTime() - start;
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private static final class Stats {
        final double mean;
        final long p50;
        final long p90;
        final long p99;

        private Stats(double mean, long p50, long p90, long p99) {
            this.mean = mean;
            this.p50 = p50;
            this.p90 = p90;
            this.p99 = p99;
        }

        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(
                    Arrays.stream(sorted).average().orElse(0),
                    sorted[sorted.length / 2],
                    sorted[(int) (sorted.length * 0.9)],
                    sorted[(int) (sorted.length * 0.99)]);
        }

        void print(String name) {
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %9.1f %9.1f %9.1f %9.1f%n",
                    name,
                    mean / 1000,
                    p50 / 1000.0,
                    p90 / 1000.0,
                    p99 / 1000.0);
        }
    }
}
