package dev.cvbench.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of DESIGN.md, held by a test: harness -> {workloads, reports, container-runtime,
 * vm-runtime} -> core. The runtimes are usable alone; only {@code *.sys} / {@code *.jna} packages touch JNA.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.cvbench");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.cvbench.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cvbench.harness..", "dev.cvbench.workload..", "dev.cvbench.reports..",
                        "dev.cvbench.container..", "dev.cvbench.vm..")
                .check(classes);
    }

    @Test
    void runtimesAreUsableAlone() {
        noClasses().that().resideInAPackage("dev.cvbench.container..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cvbench.harness..", "dev.cvbench.workload..", "dev.cvbench.reports..", "dev.cvbench.vm..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("dev.cvbench.vm..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cvbench.harness..", "dev.cvbench.workload..", "dev.cvbench.reports..", "dev.cvbench.container..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void workloadsAndReportsDependOnlyOnCore() {
        noClasses().that().resideInAPackage("dev.cvbench.workload..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cvbench.harness..", "dev.cvbench.reports..", "dev.cvbench.container..", "dev.cvbench.vm..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.cvbench.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cvbench.harness..", "dev.cvbench.workload..", "dev.cvbench.container..", "dev.cvbench.vm..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlySysAndJnaPackagesTouchJna() {
        noClasses().that().resideOutsideOfPackages("..sys..", "..jna..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(classes);
    }

    @Test
    void agentCodeUsesOnlyTheJdkAndCoreWire() {
        noClasses().that().resideInAPackage("dev.cvbench.workload..").and().haveSimpleNameEndingWith("Agent")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.slf4j..")
                .check(classes);
    }
}
