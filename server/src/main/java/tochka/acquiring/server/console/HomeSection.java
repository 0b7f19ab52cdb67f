package tochka.acquiring.server.console;

import io.javalin.http.Context;
import tochka.acquiring.server.console.ConsoleViews.Chrome;
import tochka.acquiring.server.console.ConsoleViews.Section;
import tochka.acquiring.server.console.ConsoleViews.View;
import tochka.acquiring.server.core.Operator;
import tochka.acquiring.server.http.Messages;

/** The console's home page. */
public final class HomeSection implements ConsoleSection {

    /** The home page. */
    public record HomePage(Chrome chrome) implements View {
        @Override
        public String template() {
            return "home";
        }
    }

    @Override
    public void addTo(ConsolePages pages) {
        pages.get("/console", Section.HOME, this::home);
    }

    private void home(Context ctx, Operator operator) {
        Messages t = ConsolePages.messages(ctx);
        ConsolePages.render(
                ctx, 200, new HomePage(ConsolePages.chrome(ctx, t, operator, Section.HOME, t.get("home.title"), null)));
    }
}
