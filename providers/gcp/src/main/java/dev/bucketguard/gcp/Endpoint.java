package dev.bucketguard.gcp;

import dev.bucketguard.provider.Loopback;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The base URL every Google API call goes to when an emulator or stub stands in for Google: the option, else
 * {@code STORAGE_EMULATOR_HOST} (which may omit the scheme, as the Google clients accept it); null for Google itself.
 */
public final class Endpoint {
    private Endpoint() {
    }

    /**
     * The endpoint to use, or null for Google.
     *
     * @throws IllegalArgumentException for a malformed URL or a plain-HTTP one that is not on this machine: the
     *                                  scanner sends no credentials there, but bucket names and policies would travel
     *                                  in the clear
     */
    public static URI resolve(URI option, Map<String, String> env) {
        URI uri = option;
        if (uri == null) {
            String value = env.get("STORAGE_EMULATOR_HOST");
            if (value == null || value.isBlank()) {
                return null;
            }
            value = value.trim();
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        }
        return check(uri);
    }

    /** Checks an endpoint: http or https with a host, and plain http only on a loopback address. */
    public static URI check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + uri + "' is not an http:// or https:// URL with a host");
        }
        if (scheme.equals("http") && !Loopback.host(uri.getHost())) {
            throw new IllegalArgumentException("'" + uri + "' is plain http:// to a host that is not this machine;"
                    + " use https:// or a loopback address (127.0.0.1, localhost, [::1])");
        }
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
