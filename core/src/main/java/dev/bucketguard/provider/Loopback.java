package dev.bucketguard.provider;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Whether an endpoint is on this machine's loopback interface, decided from the text alone: {@code localhost}, an
 * IPv4 address in 127.0.0.0/8, or the IPv6 {@code ::1}. No name is ever resolved, so DNS cannot turn a remote host
 * into "loopback". Providers use it to allow plain {@code http://} (to an emulator or stub) and nothing else.
 */
public final class Loopback {
    private static final Pattern IPV4_LOOPBACK =
            Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)"
                    + "\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern IPV6_LOOPBACK = Pattern.compile("(0{0,4}:){2,7}0{0,3}1|::1|(0{1,4}:){7}0{0,3}1");

    private Loopback() {
    }

    /** True for a host written as localhost, 127.x.y.z, ::1 or [::1]. */
    public static boolean host(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || IPV6_LOOPBACK.matcher(h).matches();
    }

    /** True for a URL whose host is on the loopback interface. */
    public static boolean uri(URI uri) {
        return uri != null && host(uri.getHost());
    }
}
