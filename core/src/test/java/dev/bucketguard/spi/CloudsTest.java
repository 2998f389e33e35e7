package dev.bucketguard.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.testcloud.TestCloud;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudsTest {
    /** Another implementation that claims the test cloud's id. */
    static final class Impostor extends TestCloud {
    }

    @Test
    void theCloudsOnTheClassPathAreFoundThroughTheServiceFile() {
        Clouds found = Clouds.discover();

        assertEquals(List.of("test"), found.ids(), "core's test class path holds the test cloud only");
        assertInstanceOf(TestCloud.class, found.require("test"));
        assertSame(found, Clouds.discover(), "found once and kept");
    }

    @Test
    void twoCloudsWithOneIdAreRefusedNamingBoth() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Clouds.of(new TestCloud(), new Impostor()));

        assertEquals("two clouds share the id test: " + TestCloud.class.getName() + " and "
                + Impostor.class.getName(), e.getMessage());
    }

    @Test
    void oneCloudFoundTwiceIsKeptOnce() {
        assertEquals(List.of("test"), Clouds.of(new TestCloud(), new TestCloud()).ids());
    }

    @Test
    void anUnknownIdIsAClearErrorNamingTheKnownOnes() {
        Clouds clouds = Clouds.of(new TestCloud(), new TestCloud("other"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clouds.require("gcs"));
        assertEquals("unknown provider 'gcs' (known: other, test)", e.getMessage());
        assertEquals(Optional.empty(), clouds.find("gcs"));
        assertTrue(clouds.find("other").isPresent());
    }

    @Test
    void idsAndCloudsComeSorted() {
        Clouds clouds = Clouds.of(new TestCloud("zeta"), new TestCloud(), new TestCloud("alpha"));

        assertEquals(List.of("alpha", "test", "zeta"), clouds.ids());
        assertEquals(clouds.ids(), clouds.all().stream().map(Cloud::id).toList());
    }
}
