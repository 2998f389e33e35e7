package dev.bucketguard.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import dev.bucketguard.aws.AwsProvider;
import dev.bucketguard.azure.AzureProvider;
import dev.bucketguard.gcp.GcpProvider;
import dev.bucketguard.cloud.aws.AwsCloud;
import dev.bucketguard.cloud.azure.AzureCloud;
import dev.bucketguard.cloud.gcp.GcpCloud;
import dev.bucketguard.cloud.salesforce.SalesforceCloud;
import dev.bucketguard.model.Resource;
import dev.bucketguard.salesforce.SalesforceProvider;
import dev.bucketguard.snapshot.SnapshotProvider;
import dev.bucketguard.terraform.TerraformProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md: a core that names no cloud, one SDK-free module per cloud that knows
 * no other cloud, providers that only map a cloud's API to the model, a thin CLI.
 *
 * <p>A module is taken as the classes of its jar (or its {@code target/classes}), found through one class it holds,
 * so a package added to a module later is covered without editing this test.
 */
class ArchitectureTest {
    /** The cloud SDKs: only a provider module may use one. */
    private static final String[] CLOUD_SDKS = {"software.amazon..", "com.azure..", "com.google.cloud..",
        "com.google.api..", "com.google.auth.."};
    /** The packages of the modules that map a cloud's API to the model (providers/snapshot has none). */
    private static final String[] SDK_PROVIDER_PACKAGES = {"dev.bucketguard.aws..", "dev.bucketguard.azure..",
        "dev.bucketguard.gcp.."};
    /** Google Cloud's SDK: google-cloud-storage, gax, google-http-client, google-auth-library. */
    private static final String[] GOOGLE_SDK = {"com.google.cloud..", "com.google.api..", "com.google.auth.."};

    /** A cloud's name as a word of its own ("aws", "s3") or as part of a camel-case name (isAws, GcsExposure). */
    private static final Pattern CLOUD_NAME = Pattern.compile(
            "(?<![A-Za-z])(?i:aws|azure|gcp|gcs|s3|amazon|google|microsoft|salesforce)"
                    + "|Aws|AWS|Azure|AZURE|Gcp|GCP|Gcs|GCS|S3|Amazon|Google|Microsoft|Salesforce");

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bucketguard");
    private static final JavaClasses CORE = module(Resource.class);
    private static final JavaClasses AWS_RULES = module(AwsCloud.class);
    private static final JavaClasses AZURE_RULES = module(AzureCloud.class);
    private static final JavaClasses GCP_RULES = module(GcpCloud.class);
    private static final JavaClasses SALESFORCE_RULES = module(SalesforceCloud.class);
    private static final JavaClasses AWS_PROVIDER = module(AwsProvider.class);
    private static final JavaClasses AZURE_PROVIDER = module(AzureProvider.class);
    private static final JavaClasses GCP_PROVIDER = module(GcpProvider.class);
    private static final JavaClasses SNAPSHOT_PROVIDER = module(SnapshotProvider.class);
    private static final JavaClasses SALESFORCE_PROVIDER = module(SalesforceProvider.class);
    private static final JavaClasses TERRAFORM_PROVIDER = module(TerraformProvider.class);

    /** The classes of the jar or directory that holds {@code anchor}. */
    private static JavaClasses module(Class<?> anchor) {
        try {
            Path path = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            Location where = Files.isDirectory(path) ? Location.of(path) : Location.of(new JarFile(path.toFile()));
            JavaClasses classes = new ClassFileImporter().importLocations(Set.of(where));
            assertTrue(classes.contain(anchor), anchor + " not imported from " + where);
            return classes;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> packagesOf(JavaClasses classes) {
        return classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A bucketguard class in none of the given packages: another module's. */
    private static DescribedPredicate<JavaClass> bucketguardOutside(Set<String> own, String what) {
        return describe("are bucketguard classes outside " + what + " " + own,
                c -> c.getPackageName().startsWith("dev.bucketguard") && !own.contains(c.getPackageName()));
    }

    private static ArchRule onlyCore() {
        return noClasses().should().dependOnClassesThat(bucketguardOutside(packagesOf(CORE), "core's packages"))
                .because("core is the neutral envelope and engine: clouds, providers and the CLI plug into it");
    }

    private static ArchRule noCloudSdk() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(CLOUD_SDKS);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        Set<String> corePackages = packagesOf(CORE);
        assertTrue(corePackages.containsAll(Set.of("dev.bucketguard.model", "dev.bucketguard.exposure",
                "dev.bucketguard.spi", "dev.bucketguard.scan", "dev.bucketguard.provider",
                "dev.bucketguard.report")), corePackages.toString());
        onlyCore().check(CORE);
    }

    @Test
    void coreUsesNoCloudSdkAndNoPicocli() {
        noCloudSdk().check(CORE);
        noClasses().should().dependOnClassesThat().resideInAPackage("picocli..").check(CORE);
    }

    /** The module rules are not vacuous: applied to a module that breaks them, they report it. */
    @Test
    void theModuleRulesSeeAViolationWhereThereIsOne() {
        assertTrue(onlyCore().evaluate(AWS_RULES).hasViolation(), "the AWS rules build on dev.bucketguard.cloud.aws");
        assertTrue(noCloudSdk().evaluate(AWS_PROVIDER).hasViolation(), "the AWS provider uses the AWS SDK");
        assertTrue(noCloudSdk().evaluate(AZURE_PROVIDER).hasViolation(), "the Azure provider uses the Azure SDK");
    }

    @Test
    void noCloudModuleUsesACloudSdk() {
        for (JavaClasses cloud : List.of(AWS_RULES, AZURE_RULES, GCP_RULES, SALESFORCE_RULES)) {
            noCloudSdk().because("scan snapshot judges every cloud with no cloud SDK on the class path")
                    .check(cloud);
        }
    }

    @Test
    void noCloudModuleKnowsAnotherCloudOrAProvider() {
        for (JavaClasses cloud : List.of(AWS_RULES, AZURE_RULES, GCP_RULES, SALESFORCE_RULES)) {
            Set<String> own = packagesOf(cloud);
            own.addAll(packagesOf(CORE));
            noClasses().should().dependOnClassesThat(bucketguardOutside(own, "its own and core's packages"))
                    .because("a cloud's module holds that cloud's semantics and builds on core alone")
                    .check(cloud);
        }
    }

    @Test
    void cloudSdksOnlyInTheirProvider() {
        noClasses().that().resideOutsideOfPackages(SDK_PROVIDER_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(CLOUD_SDKS)
                .check(ALL);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.azure..", "com.google..")
                .because("the AWS provider maps S3 alone")
                .check(AWS_PROVIDER);
        noClasses().that().resideOutsideOfPackage("dev.bucketguard.azure..")
                .should().dependOnClassesThat().resideInAnyPackage("com.azure..")
                .because("the Azure SDK belongs to the Azure provider alone")
                .check(ALL);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.google..")
                .because("the Azure provider maps Azure Storage alone")
                .check(AZURE_PROVIDER);
        noClasses().that().resideOutsideOfPackage("dev.bucketguard.gcp..")
                .should().dependOnClassesThat().resideInAnyPackage(GOOGLE_SDK)
                .because("only the GCP provider calls Google Cloud")
                .check(ALL);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.azure..")
                .because("the GCP provider maps Cloud Storage alone")
                .check(GCP_PROVIDER);
    }

    /** The Google SDK rule is not vacuous: the GCP provider does use the SDK. */
    @Test
    void theGcpProviderIsWhereTheGoogleSdkIs() {
        assertTrue(noClasses().should().dependOnClassesThat().resideInAnyPackage("com.google.cloud..")
                .evaluate(GCP_PROVIDER).hasViolation(), "the GCP provider uses google-cloud-storage");
    }

    @Test
    void providersOnlyMapTheApiToTheModel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.bucketguard.rules..",
                        "dev.bucketguard.cloud.azure..", "dev.bucketguard.cloud.gcp..", "dev.bucketguard.report..",
                        "dev.bucketguard.cli..", "dev.bucketguard.snapshot..", "dev.bucketguard.azure..",
                        "dev.bucketguard.gcp..")
                .because("the AWS provider reads S3 into the model; judging it is the rules' and the verdict's job")
                .check(AWS_PROVIDER);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.bucketguard.rules..",
                        "dev.bucketguard.cloud.aws..", "dev.bucketguard.cloud.azure..", "dev.bucketguard.aws..",
                        "dev.bucketguard.azure..", "dev.bucketguard.report..", "dev.bucketguard.cli..",
                        "dev.bucketguard.snapshot..")
                .because("the GCP provider reads Cloud Storage into rules/gcp's model and uses no rule")
                .check(GCP_PROVIDER);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.bucketguard.rules..",
                        "dev.bucketguard.cloud.aws..", "dev.bucketguard.cloud.gcp..", "dev.bucketguard.aws..",
                        "dev.bucketguard.gcp..", "dev.bucketguard.report..", "dev.bucketguard.cli..",
                        "dev.bucketguard.snapshot..")
                .because("the Azure provider reads Azure Storage into the model; judging it is the verdict's job")
                .check(AZURE_PROVIDER);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.bucketguard.cloud..",
                        "dev.bucketguard.rules..", "dev.bucketguard.aws..", "dev.bucketguard.azure..",
                        "dev.bucketguard.gcp..", "dev.bucketguard.report..", "dev.bucketguard.cli..")
                .because("the snapshot reader learns each cloud's vocabulary through the Cloud SPI only")
                .check(SNAPSHOT_PROVIDER);
    }

    /** Plain REST (java.net.http and Jackson): no cloud SDK, rules/salesforce's model, no rule, no other cloud. */
    @Test
    void theSalesforceProviderMapsTheApiToItsCloudsModelOnly() {
        noCloudSdk().because("the Salesforce provider is plain REST over java.net.http").check(SALESFORCE_PROVIDER);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.bucketguard.rules..",
                        "dev.bucketguard.cloud.aws..", "dev.bucketguard.cloud.azure..", "dev.bucketguard.cloud.gcp..",
                        "dev.bucketguard.aws..", "dev.bucketguard.azure..", "dev.bucketguard.gcp..",
                        "dev.bucketguard.report..", "dev.bucketguard.cli..", "dev.bucketguard.snapshot..")
                .because("the Salesforce provider reads the org into rules/salesforce's model and uses no rule")
                .check(SALESFORCE_PROVIDER);
        assertTrue(noClasses().should().dependOnClassesThat().resideInAPackage("dev.bucketguard.cloud.salesforce..")
                .evaluate(SALESFORCE_PROVIDER).hasViolation(), "the Salesforce provider fills rules/salesforce's model");
    }

    /**
     * A plan is judged offline: the Terraform provider maps it onto the SDK-free cloud modules' model (the S3 policy
     * evaluator included) and uses no cloud SDK, no rule and no other provider.
     */
    @Test
    void theTerraformProviderMapsAPlanOntoTheCloudModelsWithNoSdkAndNoRule() {
        noCloudSdk().because("scan terraform runs in pull requests without cloud credentials or SDKs")
                .check(TERRAFORM_PROVIDER);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.bucketguard.rules..",
                        "dev.bucketguard.aws..", "dev.bucketguard.azure..", "dev.bucketguard.gcp..",
                        "dev.bucketguard.snapshot..", "dev.bucketguard.cli..")
                .because("every existing rule judges plan resources unchanged; no rule is written twice")
                .check(TERRAFORM_PROVIDER);
        assertTrue(noClasses().should().dependOnClassesThat().resideInAPackage("dev.bucketguard.cloud.aws..")
                .evaluate(TERRAFORM_PROVIDER).hasViolation(), "the plan becomes rules/aws's model");
    }

    @Test
    void rulesArePureFunctionsOfTheModel() {
        noClasses().that().resideInAPackage("dev.bucketguard.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                        "java.util.concurrent..", "dev.bucketguard.aws..", "dev.bucketguard.azure..",
                        "dev.bucketguard.gcp..", "dev.bucketguard.salesforce..",
                        "dev.bucketguard.snapshot..", "dev.bucketguard.terraform..",
                        "dev.bucketguard.provider..", "dev.bucketguard.report..", "dev.bucketguard.cli..")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(ALL);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.bucketguard.cli..")
                .should().dependOnClassesThat(resideInAPackage("picocli.."))
                .check(ALL);
    }

    @Test
    void theCliIsReachedByNoModule() {
        noClasses().that().resideOutsideOfPackage("dev.bucketguard.cli..")
                .should().dependOnClassesThat(resideInAnyPackage("dev.bucketguard.cli.."))
                .check(ALL);
    }

    /**
     * ArchUnit sees types, not string constants (javac inlines them), so a provider id such as {@code "aws"} in a
     * core switch would pass the rules above: read core's sources, comments left out, for any cloud's name.
     */
    @Test
    void coreSourceNamesNoCloud() throws IOException {
        Path core = repositoryRoot().resolve("core/src/main");
        List<String> naming = new ArrayList<>();
        try (Stream<Path> files = Files.walk(core)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String code = f.toString().endsWith(".java") ? withoutComments(text) : text;
                List<String> lines = code.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (CLOUD_NAME.matcher(lines.get(i)).find()) {
                        naming.add(core.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), naming, "core names a cloud outside its comments");
    }

    @Test
    void theSourceScanSeesANameInCodeButNotInAComment() {
        String source = "/** aws in a doc comment */\nclass X { // azure here\n  String p = \"gcp\"; /* s3 */ }";
        assertEquals("\nclass X { \n  String p = \"gcp\";  }", withoutComments(source));
        assertTrue(CLOUD_NAME.matcher("switch (r.provider()) { case \"aws\" ->").find());
        assertTrue(CLOUD_NAME.matcher("boolean isAwsBucket;").find());
        assertTrue(CLOUD_NAME.matcher("new GcsExposure(r)").find());
        assertTrue(CLOUD_NAME.matcher("Fact.of(\"S3_ACL\")").find());
        assertFalse(CLOUD_NAME.matcher("int draws = laws + flaws;").find());
    }

    /**
     * Java source with its comments blanked out, line breaks kept (so line numbers stay), string and character
     * literals kept.
     */
    static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(src, i);
                out.append(src, i, end);
                i = end;
            } else if (src.startsWith("//", i)) {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? src.length() : end + 2;
                src.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the string, text block or character literal that starts at {@code start}. */
    private static int literalEnd(String src, int start) {
        char quote = src.charAt(start);
        if (src.startsWith("\"\"\"", start)) {
            int end = src.indexOf("\"\"\"", start + 3);
            return end < 0 ? src.length() : end + 3;
        }
        int i = start + 1;
        while (i < src.length() && src.charAt(i) != quote && src.charAt(i) != '\n') {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, src.length());
    }

    /** The directory of the root pom: the tests run in cli/, or in the root for a build of the whole tree. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("core")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
