package dev.bucketguard.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import com.azure.storage.blob.models.BlobStorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * Failures as short codes for people: the HTTP status and the service's error code, never the exception text (which
 * can echo a URL with a SAS signature or a request body).
 */
final class ErrorCodes {
    private ErrorCodes() {
    }

    static String of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ReadOnlyGuard.MutationRefused) {
                return "refused by the read-only guard";
            }
            if (c instanceof ManagementException m) {
                String code = m.getValue() == null ? null : m.getValue().getCode();
                return status(m) + (code == null ? "" : " " + code);
            }
            if (c instanceof BlobStorageException b) {
                return b.getStatusCode() + (b.getErrorCode() == null ? "" : " " + b.getErrorCode());
            }
            if (c instanceof ClientAuthenticationException) {
                return "authentication failed";
            }
            if (c instanceof HttpResponseException h) {
                return status(h);
            }
            String network = network(c);
            if (network != null) {
                return network;
            }
        }
        return t.getClass().getSimpleName();
    }

    private static String status(HttpResponseException e) {
        return e.getResponse() == null ? "HTTP error" : Integer.toString(e.getResponse().getStatusCode());
    }

    /** A short name for a network failure, or null when it was not one. */
    static String network(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException) {
                return "connection refused";
            }
            if (c instanceof HttpTimeoutException || c instanceof java.util.concurrent.TimeoutException) {
                return "timed out";
            }
            if (c instanceof UncheckedIOException || c instanceof IOException) {
                return "I/O error (" + c.getClass().getSimpleName() + ")";
            }
        }
        return null;
    }

    /** The HTTP status of the failure, or 0. */
    static int statusOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpResponseException h && h.getResponse() != null) {
                return h.getResponse().getStatusCode();
            }
        }
        return 0;
    }

    /** True when the failure says the caller may not (401, 403). */
    static boolean denied(Throwable t) {
        int s = statusOf(t);
        return s == 401 || s == 403;
    }
}
