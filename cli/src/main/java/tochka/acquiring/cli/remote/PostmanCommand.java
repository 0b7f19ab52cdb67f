package tochka.acquiring.cli.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tochka.acquiring.cli.CliFailure;
import tochka.acquiring.cli.ExitCodes;
import tochka.acquiring.server.console.PostmanFiles;
import tochka.acquiring.server.console.PostmanFiles.AdminToken;
import tochka.acquiring.server.console.PostmanFiles.Api;
import tochka.acquiring.server.console.PostmanFiles.ChosenKey;

/**
 * {@code tochka postman}: the Postman collection and environment of the guide's walkthrough for the connection's API,
 * the same files the console's Developers page hands out; for the bank, its own URLs and no test-control step.
 */
@Command(
        name = "postman",
        mixinStandardHelpOptions = true,
        description = {
            "Write a Postman collection (the guide's walkthrough, with test scripts) and its environment (the URLs and"
                    + " the token) for the connection's API: this server, the bank's sandbox or the bank.",
            "Import both into Postman, or run them: newman run COLLECTION -e ENVIRONMENT. The environment holds the"
                    + " token: it is written readable by you only (mode 600)."
        },
        footer = {
            "%nExample:",
            "  tochka postman --profile data/demo.env --dir build/postman",
            "  tochka postman --sandbox --force"
        })
public final class PostmanCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Mixin
    Output output;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "where to write the two files (created if missing; default: the current directory)")
    Path dir;

    @Option(names = "--force", description = "overwrite the files if they exist")
    boolean force;

    @Override
    public Integer call() {
        Connection.Target target = connection.target();
        String token = connection.token();
        Api api;
        String adminToken = null;
        if (target.isBank()) {
            api = Api.bank(connection.baseUrl().toString());
        } else {
            api = Api.server(
                    connection.serverRoot("tochka postman").toString(),
                    connection.baseUrl().toString());
            adminToken = connection.environmentOrProfile(Connection.ADMIN_TOKEN);
        }
        ChosenKey key = token == null ? null : new ChosenKey(clientId(), "from " + tokenOrigin(), token);
        ObjectNode collection = PostmanFiles.collection(api);
        ObjectNode environment = PostmanFiles.environment(
                api, key, adminToken, adminToken == null ? AdminToken.UNKNOWN : AdminToken.INCLUDED);

        Path collectionFile = dir.resolve(PostmanFiles.COLLECTION_FILE);
        Path environmentFile = dir.resolve(PostmanFiles.ENVIRONMENT_FILE);
        if (!force) {
            for (Path file : List.of(collectionFile, environmentFile)) {
                if (Files.exists(file)) throw exists(file);
            }
        }
        try {
            Files.createDirectories(dir);
            write(collectionFile, collection.toPrettyString() + "\n");
            write(environmentFile, environment.toPrettyString() + "\n");
        } catch (FileAlreadyExistsException e) {
            throw exists(Path.of(e.getFile()));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILED, "cannot write the Postman files in " + dir + ": " + e, e);
        }

        if (output.json()) {
            Map<String, String> written = new LinkedHashMap<>();
            written.put("collection", collectionFile.toString());
            written.put("environment", environmentFile.toString());
            output.printJson(written);
        } else {
            output.out().println("collection   " + collectionFile);
            output.out().println("environment  " + environmentFile);
            output.out().flush();
        }
        output.err().println(note(target, token, adminToken));
        output.err().flush();
        return 0;
    }

    private String note(Connection.Target target, @Nullable String token, @Nullable String adminToken) {
        StringBuilder note = new StringBuilder("Import both into Postman (Import → files) and choose the environment,"
                + " or run: newman run " + PostmanFiles.COLLECTION_FILE + " -e " + PostmanFiles.ENVIRONMENT_FILE
                + ". The environment holds the token: keep it out of version control.");
        if (token == null) note.append("\nNo token was set: put one in accesstoken_hybrid (or set TOCHKA_TOKEN).");
        if (target.isBank()) {
            note.append("\nThe bank has no test payment: after 'Создание ссылки на оплату', open the paymentLink in a"
                    + " browser and pay, then run the rest.");
        } else if (adminToken == null) {
            note.append("\nTOCHKA_ADMIN_TOKEN was not set: put the admin token in admin_token for the payment step.");
        }
        return note.toString();
    }

    /** The key's client_id, as the environment's {@code client_id}; empty when the token names none. */
    private String clientId() {
        return connection.knownClientId().orElse("");
    }

    /** Where the token came from, for its description in the environment. */
    private String tokenOrigin() {
        String origin = connection.origin(connection.token, "--token", Connection.TOKEN);
        return origin.equals("default") ? "the sandbox (its own token)" : origin;
    }

    private static CliFailure exists(Path file) {
        return new CliFailure(
                ExitCodes.REJECTED, file + " exists: pass --force to overwrite it, or --dir for another directory");
    }

    /** Writes {@code text} to {@code file}, a new file readable by its owner only (it may hold the token). */
    private void write(Path file, String text) throws IOException {
        if (force) Files.deleteIfExists(file);
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        FileAttribute<?>[] mode = posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        Files.createFile(file, mode);
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
