package tochka.acquiring.server.console;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tochka.acquiring.server.core.Money;
import tochka.acquiring.server.core.PaymentMode;
import tochka.acquiring.server.http.Messages;
import tochka.acquiring.server.payments.Turnover;

/**
 * The home page's turnover chart, drawn on the server: one stacked bar per day, a segment per way of paying, a
 * scale of round amounts on the left and every seventh date below (today's among them). Only coordinates and class
 * names come out: the colours are the stylesheet's (the console's CSP allows no inline style), and the exact
 * amounts are each bar's and segment's {@code <title>} and the table under the chart. The drawing is sized in
 * user units small enough that its text stays legible when a phone shrinks it to 360 px.
 */
public final class TurnoverChart {

    static final int WIDTH = 420;
    static final int HEIGHT = 230;
    private static final int LEFT = 58;
    private static final int RIGHT = 16;
    private static final int TOP = 8;
    private static final int BOTTOM = 22;
    private static final int TICKS = 4;
    private static final int LABEL_EVERY = 7;

    /** The order the segments stack in, from the axis up, and the legend's. */
    static final List<PaymentMode> MODES =
            List.of(PaymentMode.CARD, PaymentMode.SBP, PaymentMode.TINKOFF, PaymentMode.DOLYAME);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM", Locale.ROOT);

    /** A drawn chart: its size, scale, bars and date labels. */
    public record Chart(
            int width,
            int height,
            int left,
            int right,
            int baseline,
            List<Tick> ticks,
            List<Bar> bars,
            List<Label> labels) {}

    /** A line of the scale at {@code y}, with its amount. */
    public record Tick(String y, String text) {}

    /** A day's bar: its date (ISO), the whole day's title, and its segments. */
    public record Bar(String date, String title, List<Segment> segments) {}

    /** A rectangle of one way of paying, with its CSS class and exact amount as its title. */
    public record Segment(String x, String y, String width, String height, String cssClass, String title) {}

    /** A date below the axis, centred at {@code x}. */
    public record Label(String x, String text) {}

    private TurnoverChart() {}

    static Chart draw(Turnover.Overview overview, Messages t) {
        long max = overview.maxDay().kopecks();
        long step = step(max);
        long top = step * TICKS;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int baseline = HEIGHT - BOTTOM;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= TICKS; i++) {
            double y = baseline - (double) plotHeight * i / TICKS;
            ticks.add(new Tick(number(y), t.quantity(BigDecimal.valueOf(step * i, 2))));
        }
        // Kopecks per pixel of height, rounded up so the tallest bar fits: heights are whole pixels, computed without
        // floating point and without a product that could overflow.
        long kopecksPerPixel = Math.max(1, -Math.floorDiv(-top, plotHeight));
        List<Turnover.Day> days = overview.days();
        double slot = (double) (WIDTH - LEFT - RIGHT) / days.size();
        double barWidth = slot * 0.7;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Turnover.Day day = days.get(i);
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double y = baseline;
            List<Segment> segments = new ArrayList<>();
            for (PaymentMode mode : MODES) {
                Money amount = day.of(mode);
                if (amount.isZero()) continue;
                long height = Math.max(1, amount.kopecks() / kopecksPerPixel);
                y -= height;
                segments.add(new Segment(
                        number(x),
                        number(y),
                        number(barWidth),
                        number(height),
                        "m-" + mode.code(),
                        t.get("home.mode." + mode.code()) + ": " + t.amount(amount)));
            }
            String date = DAY.format(day.date());
            bars.add(new Bar(day.date().toString(), date + ": " + t.amount(day.total()), segments));
            if ((days.size() - 1 - i) % LABEL_EVERY == 0) labels.add(new Label(number(x + barWidth / 2), date));
        }
        return new Chart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, baseline, ticks, bars, labels);
    }

    /** A round step (1, 2 or 5 times a power of ten roubles) so that {@value #TICKS} of them reach {@code max}. */
    static long step(long maxKopecks) {
        long needed = Math.max(1, (maxKopecks + TICKS - 1) / TICKS);
        for (long power = 100; ; power *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                if (power * factor >= needed) return power * factor;
            }
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
