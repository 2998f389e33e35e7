package dev.bucketguard.azure;

import dev.bucketguard.provider.Loopback;
import java.net.URI;

/** Which endpoints may be called without a credential: plain-HTTP stubs on this machine only. */
final class Endpoints {
    private Endpoints() {
    }

    /** True for an {@code http://} URL on the loopback interface: a local stub, called without a credential. */
    static boolean loopbackHttp(URI uri) {
        return uri != null && "http".equals(uri.getScheme()) && Loopback.uri(uri);
    }
}
