package dev.bucketguard.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trusted networks: a range inside a trusted range is trusted; network ids match exactly. */
class TrustZoneNetworksTest {
    private final TrustZone zone = new TrustZone(Set.of(), Set.of(),
            Set.of("10.0.0.0/8", "203.0.113.0/24", "2001:db8::/32", "vpc-1a2b3c4d", "VPCE-0AB1"));

    @Test
    void aRangeInsideATrustedRangeIsTrusted() {
        assertTrue(zone.trustsNetwork("10.1.2.0/24"));
        assertTrue(zone.trustsNetwork("10.0.0.0/8"));
        assertTrue(zone.trustsNetwork("203.0.113.7"), "a single address is a range of one");
        assertTrue(zone.trustsNetwork("2001:db8:1::/48"));
    }

    @Test
    void aWiderOrDisjointRangeIsNot() {
        assertFalse(zone.trustsNetwork("10.0.0.0/7"));
        assertFalse(zone.trustsNetwork("203.0.112.0/23"));
        assertFalse(zone.trustsNetwork("198.51.100.0/24"));
        assertFalse(zone.trustsNetwork("2001:db9::/32"));
        assertFalse(zone.trustsNetwork("::ffff:10.0.0.1"), "an IPv6 form is not the IPv4 range");
    }

    @Test
    void networkIdsMatchExactlyWhateverTheCase() {
        assertTrue(zone.trustsNetwork("vpc-1a2b3c4d"));
        assertTrue(zone.trustsNetwork("vpce-0ab1"));
        assertFalse(zone.trustsNetwork("vpc-1a2b3c4"));
        assertFalse(zone.trustsNetwork("vpce-0ab12"));
    }

    @Test
    void anInvalidTrustedRangeIsRefusedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrustZone(Set.of(), Set.of(), Set.of("10.0.0.0/33")));
        assertEquals("trusted network '10.0.0.0/33' is not a valid CIDR range", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrustZone(Set.of(), Set.of(), Set.of("300.1.1.1")));
        assertThrows(IllegalArgumentException.class, () -> new TrustZone(Set.of(), Set.of(), Set.of(" ")));
    }

    @Test
    void trustedNetworksMakeTheZoneMoreThanTheOwner() {
        assertFalse(zone.ownerOnly());
    }
}
