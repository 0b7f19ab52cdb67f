package tochka.acquiring.server.keys;

import java.util.regex.Pattern;

/**
 * The exact textual form of a compact JWS as this server issues it: three non-empty parts of the base64url
 * alphabet ({@code A-Z a-z 0-9 - _}) without padding, joined by dots. Nimbus and the JDK decoder would also take
 * {@code =} padding, {@code +} and {@code /}, so one signature could be written several ways; checking the form
 * first leaves exactly one.
 */
final class CompactJwt {

    private static final Pattern STRICT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private CompactJwt() {}

    static boolean isStrict(String token) {
        return STRICT.matcher(token).matches();
    }
}
