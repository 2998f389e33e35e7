package dev.bucketguard.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File errors in words a person can act on, not exception class names. */
class IoErrorsTest {
    @Test
    void writingToADirectorySaysSo(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Files.writeString(dir, "x"));
        assertEquals("is a directory", IoErrors.describe(e));
    }

    @Test
    void theCommonCasesHaveWords() {
        assertEquals("permission denied", IoErrors.describe(new AccessDeniedException("/x")));
        assertEquals("no such file or directory", IoErrors.describe(new NoSuchFileException("/x")));
        assertEquals("no space left on device", IoErrors.describe(new FileSystemException("/x", null,
                "No space left on device")));
        assertEquals("an input/output error", IoErrors.describe(new IOException("boom")));
    }
}
