package dev.bucketguard.salesforce;

import java.net.URI;
import java.util.Objects;

/**
 * Where to send queries and with which token. {@link #toString()} never shows the token.
 *
 * @param instanceUrl the org's My Domain URL (or a loopback stub)
 * @param token       the OAuth access token
 */
record Session(URI instanceUrl, String token) {
    Session {
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "Session[" + instanceUrl + ", token ***]";
    }
}
