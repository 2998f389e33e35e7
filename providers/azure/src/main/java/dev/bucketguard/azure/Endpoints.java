package dev.bucketguard.azure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Which endpoints may be called without a credential: plain-HTTP stubs on this machine only. */
final class Endpoints {
    private Endpoints() {
    }

    /** True for a URL whose host is a loopback address written literally, or {@code localhost}. */
    static boolean loopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            // Only literal addresses: a name could resolve anywhere.
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** True for an {@code http://} URL on the loopback interface: a local stub, called without a credential. */
    static boolean loopbackHttp(URI uri) {
        return uri != null && "http".equals(uri.getScheme()) && loopback(uri);
    }
}
