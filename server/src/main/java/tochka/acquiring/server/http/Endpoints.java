package tochka.acquiring.server.http;

/**
 * A feature's share of the route table. Each feature adds its own routes, naming for each who may call it, so the
 * table grows by feature and no handler checks a token itself.
 */
@FunctionalInterface
public interface Endpoints {
    void addTo(Routes routes);
}
