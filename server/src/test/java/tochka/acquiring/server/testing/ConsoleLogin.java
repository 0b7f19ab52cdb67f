package tochka.acquiring.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tochka.acquiring.server.Config;
import tochka.acquiring.server.users.Role;
import tochka.acquiring.server.users.Users;
import tochka.acquiring.testkit.TestServer;

/** Signing in to the console in tests: as the first admin, or as a company user made for the test. */
public final class ConsoleLogin {

    /** The first admin of every test server, with {@link Config#TEST_CONSOLE_PASSWORD}. */
    public static final String ADMIN = Users.FIRST_ADMIN;

    /** The password of every user a test makes with {@link #companyUser}. */
    public static final String PASSWORD = "company-user-password";

    private ConsoleLogin() {}

    /** Makes a company user {@code login} of {@code customerCodes}, with {@link #PASSWORD}. */
    public static String companyUser(TestServer server, String login, String... customerCodes) {
        server.application()
                .users()
                .add(new Users.NewUser(login, PASSWORD, Role.COMPANY, Users.DEFAULT_PHONE, Set.of(customerCodes)));
        return login;
    }

    /** A page client signed in as the first admin. */
    public static PageClient admin(TestServer server) {
        return signedIn(server, ADMIN, Config.TEST_CONSOLE_PASSWORD);
    }

    /** A page client signed in as {@code login}. */
    public static PageClient signedIn(TestServer server, String login, String password) {
        PageClient client = new PageClient(server.url());
        String csrf = client.get("/console/login").expectStatus(200).csrf();
        PageClient.Page signedIn =
                client.post("/console/login", "csrf", csrf, "next", "/console", "login", login, "password", password);
        assertThat(signedIn.status())
                .as("sign-in of %s: %s", login, signedIn.body())
                .isEqualTo(303);
        return client;
    }

    /** Signs {@code browser} in as {@code login} and waits for the home page. */
    public static void signIn(Browser browser, TestServer server, String login, String password) {
        var driver = browser.driver();
        driver.get(server.url() + "/console/login");
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }
}
