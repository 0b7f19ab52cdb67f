package tochka.acquiring.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the shared reference beside the checkout ({@code <repo>/../shared/reference}): the bank's OpenAPI
 * document and its example webhooks. They are read where they are, never copied into the repository.
 */
public final class SharedReference {

    private SharedReference() {}

    /** {@code shared/reference/<relative>} found from the working directory upwards, else in {@code /work/shared}. */
    public static Path find(String relative) {
        String wanted = "shared/reference/" + relative;
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(wanted);
            if (Files.exists(file)) return file;
        }
        Path workplace = Path.of("/work").resolve(wanted);
        if (Files.exists(workplace)) return workplace;
        throw new IllegalStateException("no " + wanted + " in " + start + " or any directory above it");
    }
}
