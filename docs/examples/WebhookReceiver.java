import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A webhook receiver for trying the server out, with nothing but the JDK: {@code java docs/examples/WebhookReceiver.java 9000}
 * listens on http://localhost:9000/, prints the claims of every webhook it receives and answers 200, as the bank
 * wants. It does not check the signature: a real receiver must (RS256 with the server's public key at
 * {@code /doc/openapi/static/keys/public}; see docs/webhooks.md).
 */
public class WebhookReceiver {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            String jwt = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
            String[] parts = jwt.split("\\.");
            String claims = parts.length == 3
                    ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    : "(not a JWT) " + jwt;
            System.out.println("webhook " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + claims);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("Receiving webhooks on http://localhost:" + port + "/");
    }
}
