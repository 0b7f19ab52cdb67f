package tochka.acquiring.testkit;

/**
 * A check that every response an {@link ApiClient} receives passes before the test sees it, e.g. against an API
 * contract. Implementations are found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/tochka.acquiring.testkit.ResponseCheck} file on the test classpath), so they apply to every
 * client without the tests asking; the server's own tests hold every answer to the bank's OpenAPI document so.
 */
public interface ResponseCheck {

    /**
     * Throws (an {@link AssertionError}, say) when {@code response} is wrong.
     *
     * @param contentType the response's {@code Content-Type}, empty when it had none
     */
    void check(ApiResponse response, String contentType);
}
