package tochka.acquiring.server.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import tochka.acquiring.server.Application;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.webhooks.WebhookPolicy;

/**
 * The server in a process of its own, for tests that kill it with SIGKILL: {@code ServerMain <dataDir> [dbUrl]}
 * prints {@code name=value} lines (port, API and root URLs, demo token, client id, admin token, customer code) once
 * it serves, then runs until killed.
 */
public final class ServerMain {

    private ServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        Config config = Config.forTests(Path.of(args[0]), args.length > 1 ? args[1] : null)
                .withWebhooks(new WebhookPolicy(
                        1000, Duration.ofMillis(200), false, Duration.ofHours(1), Duration.ofSeconds(2), List.of()));
        Application application = Application.builder()
                .config(config)
                .clock(Clock.systemUTC())
                .build()
                .start();
        var info = application.info();
        System.out.println("api=" + info.apiUrl());
        System.out.println("root=" + info.publicUrl());
        System.out.println("token=" + info.demoToken());
        System.out.println("clientId=" + info.clientId());
        System.out.println("admin=" + info.adminToken());
        System.out.println("customer=" + info.customerCode());
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
