package dev.cvbench.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of the reports module: stats knows no presentation, the view knows no output format. */
@AnalyzeClasses(packages = "dev.cvbench.reports", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule statsIsPure = noClasses().that().resideInAPackage("..reports.stats..")
            .should().dependOnClassesThat().resideInAnyPackage("..reports.view..", "..reports.html..",
                    "..reports.format..", "org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule viewKnowsNoFormat = noClasses().that().resideInAPackage("..reports.view..")
            .should().dependOnClassesThat().resideInAnyPackage("..reports.html..", "..reports.format..", "org.jfree..");

    @ArchTest
    static final ArchRule onlyHtmlDrawsCharts = noClasses().that().resideOutsideOfPackage("..reports.html..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jfree..");

    @ArchTest
    static final ArchRule noJna = noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..");

    @ArchTest
    static final ArchRule reportsNeverReachIntoRuntimes = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.cvbench.harness..", "dev.cvbench.container..", "dev.cvbench.vm..",
                    "dev.cvbench.workloads..");
}
