package dev.bucketguard.azure;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A storage connection string, read once; {@link #toString()} never shows it. Only the blob endpoint, the account name
 * and the credential are used.
 *
 * @param blobEndpoint the blob service endpoint
 * @param accountName  the storage account
 * @param accountKey   the account key (base64), or null
 * @param sas          a SAS token, or null
 */
record ConnectionString(URI blobEndpoint, String accountName, String accountKey, String sas) {
    private static final String DEV_ACCOUNT = "devstoreaccount1";
    // Azurite's and the storage emulator's published development key, not a secret.
    private static final String DEV_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /** Reads one; a malformed string is an {@link IllegalArgumentException} whose message does not repeat it. */
    static ConnectionString parse(String text) {
        Map<String, String> parts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("the connection string has a part without '=' (expected"
                        + " Key=Value;Key=Value...)");
            }
            parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        if ("true".equalsIgnoreCase(parts.get("UseDevelopmentStorage"))) {
            String proxy = parts.getOrDefault("DevelopmentStorageProxyUri", "http://127.0.0.1:10000");
            return new ConnectionString(URI.create(proxy.replaceAll("/+$", "") + "/" + DEV_ACCOUNT), DEV_ACCOUNT,
                    DEV_KEY, null);
        }
        String name = parts.get("AccountName");
        String key = parts.get("AccountKey");
        String sas = parts.get("SharedAccessSignature");
        URI endpoint;
        if (parts.containsKey("BlobEndpoint")) {
            endpoint = uri(parts.get("BlobEndpoint"));
        } else if (name != null) {
            String protocol = parts.getOrDefault("DefaultEndpointsProtocol", "https").toLowerCase(Locale.ROOT);
            String suffix = parts.getOrDefault("EndpointSuffix", "core.windows.net");
            endpoint = uri(protocol + "://" + name + ".blob." + suffix);
        } else {
            throw new IllegalArgumentException("the connection string names neither BlobEndpoint nor AccountName");
        }
        if (name == null) {
            name = accountFrom(endpoint);
        }
        if (key == null && sas == null) {
            throw new IllegalArgumentException("the connection string has neither AccountKey nor"
                    + " SharedAccessSignature");
        }
        return new ConnectionString(endpoint, name, key, sas);
    }

    private static URI uri(String value) {
        try {
            URI u = new URI(value);
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                throw new IllegalArgumentException("the connection string's blob endpoint is not an http(s) URL");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("the connection string's blob endpoint is not a URL");
        }
    }

    /** The account from {@code https://name.blob...} or, for an IP-style endpoint, its first path segment. */
    static String accountFrom(URI endpoint) {
        String path = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("^/+", "");
        if (!path.isEmpty() && endpoint.getHost().matches("[0-9.]+|localhost|\\[.*]")) {
            return path.split("/")[0];
        }
        return endpoint.getHost().split("\\.")[0];
    }

    @Override
    public String toString() {
        return "ConnectionString[" + accountName + " at " + blobEndpoint.getHost() + "]";
    }
}
