package tochka.acquiring.server.sms;

import java.time.Instant;

/** A text message as the development phone received it. */
public record SmsMessage(String phone, String text, Instant sentAt) {}
