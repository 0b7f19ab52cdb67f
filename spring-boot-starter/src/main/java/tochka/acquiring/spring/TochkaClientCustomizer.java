package tochka.acquiring.spring;

import tochka.acquiring.client.TochkaClient;

/**
 * Changes the auto-configured client's builder after the {@code tochka.*} properties are applied: what properties
 * cannot say, such as an {@code SSLContext} that trusts the Russian Trusted Root CA, a proxy or an executor. Every
 * such bean is applied, in their {@code @Order}.
 */
@FunctionalInterface
public interface TochkaClientCustomizer {

    /** Changes {@code builder}. */
    void customize(TochkaClient.Builder builder);
}
