package tochka.acquiring.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The bank's documents kept in the repository's {@code reference/} folder (its README says where each came from),
 * which the build puts on the test classpath under {@code reference/}: the OpenAPI document, the example webhooks
 * and the bank's public key.
 */
public final class Reference {

    private Reference() {}

    /** The text of {@code reference/<relative>}. */
    public static String text(String relative) {
        try (InputStream in = url(relative).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference/" + relative, e);
        }
    }

    /** Where {@code reference/<relative>} is, for readers that resolve references relative to it. */
    public static URI uri(String relative) {
        try {
            return url(relative).toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(String relative) {
        URL url = Reference.class.getResource("/reference/" + relative);
        if (url == null) {
            throw new IllegalStateException(
                    "reference/" + relative + " is not on the test classpath (see server/pom.xml)");
        }
        return url;
    }
}
