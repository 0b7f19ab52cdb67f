package tochka.acquiring.server.core;

import java.time.ZoneId;

/** The bank's time zone: its timestamps carry Moscow's offset, and its dates are Moscow's. */
public final class BankTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private BankTime() {}
}
