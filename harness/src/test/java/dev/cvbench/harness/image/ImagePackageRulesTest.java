package dev.cvbench.harness.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The image package stands on core, Jackson and the JDK only: no runtimes, no workloads, no JNA. */
class ImagePackageRulesTest {
    @Test
    void dependsOnlyOnCoreJacksonAndTheJdk() {
        JavaClasses image = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cvbench.harness.image");
        classes().that().resideInAPackage("dev.cvbench.harness.image")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.cvbench.harness", "dev.cvbench.harness.image",
                        "dev.cvbench.core.sandbox", "dev.cvbench.core.result", "com.fasterxml.jackson..")
                .check(image);
    }
}
