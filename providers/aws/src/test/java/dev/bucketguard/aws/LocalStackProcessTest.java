package dev.bucketguard.aws;

import java.net.URI;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LocalStack scenarios against LocalStack as a plain process on 127.0.0.1, started by the build itself. */
@ExtendWith(LocalStackServer.class)
class LocalStackProcessTest extends LocalStackScenarios {
    @Override
    URI endpoint() {
        return LocalStackServer.endpoint();
    }
}
