package dk.afstemning.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import io.quarkus.websockets.next.WebSocket;

/**
 * The package layering of the README's code map, checked on the compiled main classes:
 * <ul>
 * <li>no package cycle, neither between packages nor between top-level features with their sub-packages;</li>
 * <li>the foundation ({@code text}, {@code stats}, {@code problem}, {@code platform}) depends on nothing of ours
 * outside the foundation;</li>
 * <li>nothing depends on the edge ({@code api}, {@code web}, {@code startup});</li>
 * <li>REST resources ({@code @Path}) and socket endpoints ({@code @WebSocket}) receive and delegate: they never touch
 * a JPA entity and never open a transaction themselves.</li>
 * </ul>
 * {@link #theCycleRuleFailsOnACycle()} shows the cycle rule is not vacuous: it fails on a deliberate cycle kept under
 * {@code cyclefixture} in the test classes.
 */
class ArchitectureTest {

    private static final String BASE = "dk.afstemning";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        assertThat(main.size()).as("main classes found").isGreaterThan(100);
    }

    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles();
    }

    static ArchRule noFeatureCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void noPackageDependsOnAnotherInACycle() {
        noPackageCycles(BASE).check(main);
    }

    @Test
    void noFeatureDependsOnAnotherInACycle() {
        noFeatureCycles(BASE).check(main);
    }

    @Test
    void theCycleRuleFailsOnACycle() {
        JavaClasses cycle = new ClassFileImporter().importPackages(BASE + ".architecture.cyclefixture");
        assertThat(cycle.size()).isEqualTo(2);
        assertThat(noPackageCycles(BASE + ".architecture.cyclefixture").evaluate(cycle).hasViolation()).isTrue();
        assertThat(noFeatureCycles(BASE + ".architecture.cyclefixture").evaluate(cycle).hasViolation()).isTrue();
    }

    @Test
    void theFoundationDependsOnNothingAbove() {
        String[] foundation = { BASE + ".text..", BASE + ".stats..", BASE + ".problem..", BASE + ".platform.." };
        classes().that().resideInAnyPackage(foundation).should().onlyDependOnClassesThat(
                DescribedPredicate.describe("are outside " + BASE + " or in the foundation",
                        (JavaClass c) -> !c.getPackageName().startsWith(BASE + ".")
                                || com.tngtech.archunit.core.domain.properties.HasName.Predicates
                                        .nameMatching("dk\\.afstemning\\.(text|stats|problem|platform)\\..*").test(c)))
                .check(main);
    }

    @Test
    void nothingDependsOnTheEdge() {
        noClasses().that().resideOutsideOfPackages(BASE + ".api..", BASE + ".web..", BASE + ".startup..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".api..", BASE + ".web..", BASE + ".startup..")
                .check(main);
    }

    @Test
    void resourcesAndSocketsNeverTouchEntities() {
        noClasses().that().areAnnotatedWith(Path.class).or().areAnnotatedWith(WebSocket.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(main);
    }

    @Test
    void resourcesAndSocketsLeaveTransactionsToServices() {
        noClasses().that().areAnnotatedWith(Path.class).or().areAnnotatedWith(WebSocket.class)
                .should().beAnnotatedWith(Transactional.class).check(main);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods().that().areDeclaredInClassesThat()
                .areAnnotatedWith(Path.class).or().areDeclaredInClassesThat().areAnnotatedWith(WebSocket.class)
                .should().beAnnotatedWith(Transactional.class).check(main);
    }
}
