package tochka.acquiring.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: the domain knows no framework, services know no HTTP. */
class ArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("tochka.acquiring.server");

    @Test
    void the_domain_imports_no_framework() {
        noClasses().that().resideInAPackage("..server.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "com.fasterxml..",
                        "..server.service..", "..server.store..", "..server.http..", "..server.auth..")
                .check(classes);
    }

    @Test
    void services_stores_and_webhooks_know_nothing_of_http_or_pages() {
        noClasses().that().resideInAnyPackage("..server.service..", "..server.store..", "..server.auth..",
                        "..server.webhooks..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "..server.http..",
                        "..server.checkout..", "..server.site..")
                .check(classes);
    }

    @Test
    void pages_reach_the_database_only_through_services() {
        noClasses().that().resideInAnyPackage("..server.checkout..", "..server.site..")
                .should().dependOnClassesThat().resideInAPackage("..server.store..")
                .check(classes);
    }
}
