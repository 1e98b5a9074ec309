package io.governanceledger.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering, held as rules over the production classes of every module the services are made of
 * (shared-events, service-support, ledger, command-service, query-service) and of dev-tools: no package
 * cycle anywhere; the messages that cross between the services depend on nothing but Axon's
 * {@code @Revision} and Jackson's annotations (their upcasters on Axon's upcasting API and Jackson's
 * trees); the support library knows neither the ledger nor a service; the ledger knows no service;
 * neither service reaches the other; production code never reaches the tools for this machine.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.governanceledger");

    @Test
    void everyModuleOfTheSystemIsImported() {
        assertThat(PRODUCTION.stream()
                        .map(javaClass -> javaClass.getPackageName().split("\\.")[2])
                        .distinct())
                .contains("events", "support", "ledger", "command", "query", "devtools");
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.governanceledger.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void whatCrossesBetweenTheServicesDependsOnNothingHeavierThanMessagesAndJson() {
        // the messages: records of values, their revision, Jackson's annotations
        classes()
                .that()
                .resideInAPackage("io.governanceledger.events..")
                .and()
                .haveSimpleNameNotEndingWith("Upcaster")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.governanceledger.events..",
                        "java..",
                        "org.axonframework.serialization",
                        "com.fasterxml.jackson.annotation..")
                .check(PRODUCTION);
        // the upcasters read older shapes as JSON trees
        classes()
                .that()
                .resideInAPackage("io.governanceledger.events..")
                .and()
                .haveSimpleNameEndingWith("Upcaster")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.governanceledger.events..",
                        "java..",
                        "org.axonframework.serialization..",
                        "com.fasterxml.jackson..")
                .check(PRODUCTION);
    }

    @Test
    void theSupportLibraryKnowsNeitherTheLedgerNorAService() {
        noClasses()
                .that()
                .resideInAPackage("io.governanceledger.support..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.governanceledger.ledger..", "io.governanceledger.command..", "io.governanceledger.query..")
                .check(PRODUCTION);
    }

    @Test
    void theLedgerKnowsNoService() {
        noClasses()
                .that()
                .resideInAPackage("io.governanceledger.ledger..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.governanceledger.command..", "io.governanceledger.query..")
                .check(PRODUCTION);
    }

    @Test
    void neitherServiceReachesTheOther() {
        noClasses()
                .that()
                .resideInAPackage("io.governanceledger.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.governanceledger.query..")
                .check(PRODUCTION);
        noClasses()
                .that()
                .resideInAPackage("io.governanceledger.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.governanceledger.command..")
                .check(PRODUCTION);
    }

    @Test
    void productionCodeNeverReachesTheToolsForThisMachine() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.governanceledger.events..",
                        "io.governanceledger.support..",
                        "io.governanceledger.ledger..",
                        "io.governanceledger.command..",
                        "io.governanceledger.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.governanceledger.devtools..", "io.zonky..")
                .check(PRODUCTION);
    }
}
