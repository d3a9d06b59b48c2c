package dev.cvbench.vm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.cvbench.vm");

    @Test
    void onlyJnaPackagesTouchJna() {
        noClasses().that().resideOutsideOfPackages("..jna..", "..sys..").should().dependOnClassesThat()
                .resideInAnyPackage("com.sun.jna..", "org.libvirt.jna..").check(CLASSES);
    }

    @Test
    void vmRuntimeDependsOnlyOnCore() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cvbench.harness..",
                "dev.cvbench.workloads..", "dev.cvbench.container..", "dev.cvbench.reports..").check(CLASSES);
    }

    @Test
    void specAndXmlDoNotTalkToLibvirt() {
        noClasses().that().resideInAnyPackage("..vm.spec..", "..vm.xml..", "..vm.boot..", "..vm.image..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..").check(CLASSES);
    }
}
