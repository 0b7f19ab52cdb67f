package tochka.acquiring.server.sms;

/**
 * Sends a text message to a phone: the confirmation codes of the console. The default, {@link DevSmsGateway},
 * sends nothing out of the server; a real gateway would implement this one method.
 */
@FunctionalInterface
public interface SmsGateway {

    /** Sends {@code text} to {@code phone} ({@code +} and digits). */
    void send(String phone, String text);
}
