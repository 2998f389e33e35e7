package dev.bucketguard.salesforce;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.provider.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An 'sf' that hangs with its output open stops the scan's start in time, with a line saying so. */
class SfCliTest {
    @TempDir
    Path dir;

    @Test
    void anSfThatHangsIsStoppedAtTheTimeout() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path sf = bin.resolve("sf");
        Files.writeString(sf, "#!/bin/sh\necho '{\"status\":0,'\nsleep 60\n");
        assertTrue(sf.toFile().setExecutable(true));
        long start = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class, () -> SfCli.display("bank-prod",
                Map.of("PATH", bin + ":/usr/bin:/bin"), Duration.ofSeconds(1)));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(e.getMessage().equals("--target-org bank-prod: 'sf org display' did not finish in 1 s"),
                e.getMessage());
        assertTrue(seconds < 20, "stopped after " + seconds + " s, not when sf ended");
    }
}
