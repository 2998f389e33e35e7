package dev.bucketguard.aws;

import dev.bucketguard.testkit.DockerEngine;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The LocalStack scenarios against LocalStack in Docker, through Testcontainers, for users with a Docker engine.
 * Skipped, with the reason printed, where none runs: even under CI=true, since {@link LocalStackProcessTest} runs the
 * same scenarios without Docker.
 */
class LocalStackDockerTest extends LocalStackScenarios {
    private static LocalStackContainer localstack;

    @BeforeAll
    static void start() {
        DockerEngine.require("LocalStackDockerTest", "LocalStackProcessTest");
        localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices("s3", "s3control", "sts", "kms");
        localstack.start();
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Override
    URI endpoint() {
        return localstack.getEndpoint();
    }
}
