package dev.bucketguard.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries the project promises its users: a core with no cloud SDK, pure rules, a thin CLI. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bucketguard");

    @Test
    void noCloudSdkOutsideItsProvider() {
        noClasses().that().resideOutsideOfPackage("dev.bucketguard.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .check(CLASSES);
    }

    @Test
    void coreKnowsNoProviderRulesOrCli() {
        noClasses().that().resideInAnyPackage("dev.bucketguard.model..", "dev.bucketguard.exposure..",
                        "dev.bucketguard.rule..", "dev.bucketguard.scan..", "dev.bucketguard.provider..",
                        "dev.bucketguard.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.bucketguard.aws..",
                        "dev.bucketguard.snapshot..", "dev.bucketguard.rules..", "dev.bucketguard.cli..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void rulesArePureFunctionsOfTheModel() {
        noClasses().that().resideInAPackage("dev.bucketguard.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                        "java.util.concurrent..", "dev.bucketguard.aws..", "dev.bucketguard.snapshot..")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.bucketguard.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(CLASSES);
    }
}
