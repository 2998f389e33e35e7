package dev.bucketguard.salesforce;

import dev.bucketguard.provider.Loopback;
import java.net.URI;
import java.net.URISyntaxException;

/** The URLs a scan may talk to: https anywhere, plain http only to this machine's loopback (a stub). */
final class Endpoints {
    static final URI LOGIN = URI.create("https://login.salesforce.com");

    private Endpoints() {
    }

    /**
     * An instance or login URL reduced to its scheme, host and port.
     *
     * @throws IllegalArgumentException for anything but https, or http to a loopback host
     */
    static URI instance(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s) URL with a host");
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("http") && !Loopback.uri(uri)) {
            throw new IllegalArgumentException("'" + text + "' is plain http:// to a host that is not this machine;"
                    + " Salesforce is only reached over https:// (http:// is for a loopback stub)");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s) URL");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("the URL carries a user name or password (not shown); give only"
                    + " https://HOST");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }
}
