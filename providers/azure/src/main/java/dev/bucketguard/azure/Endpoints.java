package dev.bucketguard.azure;

import java.net.URI;

/** Which endpoints may be called without a credential: plain-HTTP stubs on this machine only. */
final class Endpoints {
    private Endpoints() {
    }

    /** True for a URL whose host is a loopback address written literally, or {@code localhost}. */
    static boolean loopback(URI uri) {
        return dev.bucketguard.provider.Loopback.uri(uri);
    }

    /** True for an {@code http://} URL on the loopback interface: a local stub, called without a credential. */
    static boolean loopbackHttp(URI uri) {
        return uri != null && "http".equals(uri.getScheme()) && loopback(uri);
    }
}
