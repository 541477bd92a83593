package org.planwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, checked on the compiled classes (no Quarkus, no database): a change that breaks
 * one fails here, with the rule and the offending dependency. Change the page and this test together.
 */
class ArchitectureTest {

    /**
     * The folders, bottom floor first: a folder imports only the folders on the floors below it. A lower folder that
     * needs something from a higher one owns an interface that the higher one provides (see the page).
     */
    static final List<List<String>> FLOORS = List.of(
            List.of("domain"),
            List.of("common"),
            List.of("database", "cache"),
            List.of("history"),
            List.of("plan", "evaluator"),
            List.of("progress", "security"),
            List.of("axis"),
            List.of("measure"),
            List.of("evaluation", "web"),
            List.of("badge", "webhook"));

    /** The HTTP layer's types: only resources, filters and the HTTP edge use them. */
    static final String[] HTTP = {"jakarta.ws.rs..", "io.vertx..", "org.jboss.resteasy..", "io.quarkus.vertx.http.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.planwatch");
    }

    @Test
    void eachFolderImportsOnlyTheFoldersBelowIt() {
        List<String> above = new ArrayList<>();
        for (int floor = FLOORS.size() - 1; floor >= 0; floor--) {
            for (String folder : FLOORS.get(floor)) {
                List<String> forbidden = new ArrayList<>(above);
                FLOORS.get(floor).stream()
                        .filter(other -> !other.equals(folder))
                        .map(ArchitectureTest::packageOf)
                        .forEach(forbidden::add);
                if (!forbidden.isEmpty()) {
                    noClasses()
                            .that()
                            .resideInAPackage(packageOf(folder))
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(forbidden.toArray(String[]::new))
                            .because("folder " + folder + " is on floor " + floor
                                    + " of docs/architecture.md: it may import only lower floors")
                            .check(classes);
                }
            }
            FLOORS.get(floor).stream().map(ArchitectureTest::packageOf).forEach(above::add);
        }
    }

    @Test
    void theDomainDependsOnNothingOfOurs() {
        classes()
                .that()
                .resideInAPackage("org.planwatch.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.planwatch.domain..",
                        "java..",
                        "jakarta.validation..",
                        "org.eclipse.microprofile.openapi.annotations..",
                        "com.fasterxml.jackson.annotation..")
                .because(
                        "the shared domain types are the bottom floor: values and enums, with their validation and contract annotations")
                .check(classes);
    }

    @Test
    void commonImportsNoFeature() {
        List<String> features = FLOORS.stream()
                .skip(2)
                .flatMap(List::stream)
                .map(ArchitectureTest::packageOf)
                .toList();
        noClasses()
                .that()
                .resideInAPackage("org.planwatch.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(features.toArray(String[]::new))
                .because("common/ is the foundation every feature stands on")
                .check(classes);
    }

    @Test
    void noCyclesBetweenFolders() {
        slices().matching("org.planwatch.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.planwatch.common.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void servicesRepositoriesAndEntitiesUseNoHttpType() {
        ArchRule rule = noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .or()
                .haveSimpleNameEndingWith("Repository")
                .or()
                .areAnnotatedWith(Entity.class)
                .or()
                .resideInAnyPackage(
                        "org.planwatch.domain..",
                        "org.planwatch.common.problem..",
                        "org.planwatch.common.paging..",
                        "org.planwatch.common.db..",
                        "org.planwatch.common.csv..")
                .or()
                .haveFullyQualifiedName("org.planwatch.history.Writes")
                .or()
                .haveFullyQualifiedName("org.planwatch.history.History")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(HTTP)
                .because(
                        "a service holds the rules and the transactions, a repository the queries: the resources speak HTTP");
        rule.check(classes);
    }

    @Test
    void onlyResourcesAreJaxRsResources() {
        classes()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .haveSimpleNameEndingWith("Resource")
                .andShould()
                .resideOutsideOfPackages("org.planwatch.domain..", "org.planwatch.common..")
                .check(classes);
        classes()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith(Path.class)
                .check(classes);
    }

    @Test
    void resourcesHoldNoTransactionAndNoQuery() {
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith(Transactional.class)
                .because("transactions belong to the services")
                .check(classes);
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .and()
                .areNotAnnotatedWith(Transactional.class)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .because("queries belong to the repositories")
                .check(classes);
    }

    private static String packageOf(String folder) {
        return "org.planwatch." + folder + "..";
    }
}
