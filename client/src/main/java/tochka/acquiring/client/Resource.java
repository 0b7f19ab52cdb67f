package tochka.acquiring.client;

import com.fasterxml.jackson.databind.JavaType;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** What every resource does: build a call, send it, read its {@code Data}, and wait for it when asked to block. */
abstract class Resource {

    final Transport transport;
    final @Nullable String defaultCustomerCode;

    Resource(Transport transport, @Nullable String defaultCustomerCode) {
        this.transport = transport;
        this.defaultCustomerCode = defaultCustomerCode;
    }

    /** {@code customerCode}, or the client's own when null. */
    final String company(@Nullable String customerCode) {
        if (customerCode != null) return customerCode;
        if (defaultCustomerCode != null) return defaultCustomerCode;
        throw new IllegalArgumentException(
                "customerCode is required: give it to this call or to TochkaClient.builder().customerCode(...)");
    }

    final <T> CompletableFuture<T> read(String route, Paths path, Class<T> type) {
        return send(new Transport.Call("GET", route, path.toString(), null, Transport.Safety.RETRY), type(type));
    }

    final <T> CompletableFuture<T> send(Transport.Call call, JavaType type) {
        return transport.data(call, type);
    }

    static JavaType type(Class<?> type) {
        return Transport.JSON.getTypeFactory().constructType(type);
    }

    /** Runs {@code call} for a blocking caller and waits; its {@link TochkaException} is thrown as it is. */
    static <T> T block(Supplier<CompletableFuture<T>> call, String route) {
        return Transport.block(call, route);
    }
}
