package dev.bucketguard.provider;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Loopback is decided from the text: what a name resolves to never counts. */
class LoopbackTest {
    @Test
    void loopbackForms() {
        for (String h : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]",
            "0:0:0:0:0:0:0:1"}) {
            assertTrue(Loopback.host(h), h);
        }
        assertTrue(Loopback.uri(URI.create("http://127.0.0.1:4443/storage")));
        assertTrue(Loopback.uri(URI.create("http://[::1]:8080")));
    }

    @Test
    void everythingElseIsNot() {
        for (String h : new String[] {"", "128.0.0.1", "127.0.0.256", "127.0.0", "10.0.0.1", "::2", "::",
            "localhost.example.com", "127.0.0.1.nip.io", "example.com", "0.0.0.0"}) {
            assertFalse(Loopback.host(h), h);
        }
        assertFalse(Loopback.host(null));
        assertFalse(Loopback.uri(URI.create("http://example.com")));
    }
}
