package tochka.acquiring.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import tochka.acquiring.server.keys.AdminTokens;
import tochka.acquiring.server.keys.Keys;
import tochka.acquiring.server.users.Users;

/**
 * The layout by feature: features over a kernel ({@code core}, and {@code http} for the web edge), no cycles between
 * them, stores private to their feature, HTTP code away from SQL and the domain away from every framework.
 */
class ArchitectureTest {

    private static final String[] FEATURES = {
        "..server.directory..",
        "..server.consents..",
        "..server.keys..",
        "..server.payments..",
        "..server.checkout..",
        "..server.webhooks..",
        "..server.control..",
        "..server.site..",
        "..server.users..",
        "..server.sms..",
        "..server.console.."
    };
    private static final String[] FRAMEWORKS = {
        "io.javalin..",
        "org.eclipse.jetty..",
        "org.jdbi..",
        "com.fasterxml..",
        "com.nimbusds..",
        "gg.jte..",
        "org.flywaydb..",
        "com.zaxxer.."
    };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("tochka.acquiring.server");

    /** What a request meets first: anything that touches Javalin. */
    private static final DescribedPredicate<JavaClass> HTTP_CODE = DescribedPredicate.describe(
            "are HTTP code",
            javaClass -> javaClass.getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency ->
                            dependency.getTargetClass().getPackageName().startsWith("io.javalin")));

    /** A store, or a type declared inside one. */
    private static final DescribedPredicate<JavaClass> STORES = DescribedPredicate.describe(
            "are stores",
            javaClass -> javaClass.getSimpleName().endsWith("Store")
                    || javaClass
                            .getEnclosingClass()
                            .map(outer -> outer.getSimpleName().endsWith("Store"))
                            .orElse(false));

    /** The domain: the features' and the kernel's top-level records and enums, and money. */
    private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe(
            "are domain values",
            javaClass -> javaClass.isTopLevelClass()
                    && (javaClass.isRecord()
                            || javaClass.isEnum()
                            || javaClass.getSimpleName().equals("Money"))
                    && !javaClass.getPackageName().endsWith(".http"));

    @Test
    void the_features_and_the_kernel_have_no_cycles() {
        slices().matching("tochka.acquiring.server.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void the_kernel_imports_no_feature() {
        noClasses()
                .that()
                .resideInAnyPackage("..server.core..", "..server.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..server.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..server.http..", "io.javalin..")
                .check(classes);
    }

    @Test
    void http_code_never_touches_a_store_or_sql() {
        noClasses()
                .that(HTTP_CODE)
                .should()
                .dependOnClassesThat(STORES)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("org.jdbi..")
                .check(classes);
    }

    @Test
    void only_the_route_table_checks_credentials() {
        noClasses()
                .that()
                .resideInAnyPackage(FEATURES)
                .should()
                .callMethod(Keys.class, "authenticate", String.class, boolean.class)
                .orShould()
                .callMethod(AdminTokens.class, "matches", String.class)
                .orShould()
                .callMethod(Users.class, "session", String.class)
                .check(classes);
    }

    @Test
    void stores_are_private_to_their_feature() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Store")
                .should()
                .notBePublic()
                .check(classes);
    }

    @Test
    void the_domain_imports_no_framework() {
        noClasses()
                .that(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .check(classes);
    }

    @Test
    void services_know_nothing_of_http_or_pages() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .or()
                .resideInAPackage("..server.users..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "..server.http..", "gg.jte..")
                .check(classes);
    }
}
