package dev.cvbench.container;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package rules of the runtime, checked rather than described. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cvbench.container");

    @Test
    void onlyTheSysPackageTouchesJna() {
        noClasses().that().resideOutsideOfPackage("dev.cvbench.container.sys..").should().dependOnClassesThat()
                .resideInAPackage("com.sun.jna..").check(CLASSES);
    }

    @Test
    void theLibraryNeverDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage("dev.cvbench.container.cli..").should().dependOnClassesThat()
                .resideInAPackage("dev.cvbench.container.cli..").check(CLASSES);
    }

    @Test
    void nothingHereKnowsTheHarnessOrWorkloads() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cvbench.harness..", "dev.cvbench.workloads..")
                .check(CLASSES);
    }

    @Test
    void lowLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("..spec..", "..config..", "..cgroups..", "..state..", "..sys..", "..init..")
                .should().dependOnClassesThat().resideInAnyPackage("..lifecycle..", "..cli..").check(CLASSES);
    }
}
