package dev.bucketguard.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.testcontainers.DockerClientFactory;

/**
 * The guard of the Testcontainers tests, which need a Docker engine. Where none runs they are skipped with the
 * reason printed, even under CI=true: each has a plain-process twin ({@link Emulator}) that covers the same ground
 * and that CI requires. Needs Testcontainers on the caller's test class path (this kit does not bring it).
 */
public final class DockerEngine {
    private DockerEngine() {
    }

    /** Skips the calling test class, naming it and the plain-process test that runs instead, when no engine runs. */
    public static void require(String testClass, String insteadRuns) {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        String reason = "no Docker engine available for Testcontainers (" + insteadRuns
                + " covers the same ground without Docker)";
        if (!docker) {
            System.err.println("SKIPPED " + testClass + ": " + reason);
        }
        assumeTrue(docker, reason);
    }
}
