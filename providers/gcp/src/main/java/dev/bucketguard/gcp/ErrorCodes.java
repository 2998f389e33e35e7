package dev.bucketguard.gcp;

import com.google.cloud.BaseServiceException;

/**
 * Turns a failed call into the short text people see: the HTTP status and Google's reason code, or the exception's
 * type. Raw messages are never used: they can carry URLs, tokens or request bodies.
 */
final class ErrorCodes {
    private ErrorCodes() {
    }

    static String of(Throwable e) {
        if (refused(e)) {
            return "refused by the read-only guard";
        }
        String network = network(e);
        if (network != null) {
            return network;
        }
        if (e instanceof BaseServiceException s && s.getCode() > 0) {
            return "HTTP " + s.getCode() + (s.getReason() == null || s.getReason().isBlank() ? ""
                    : " " + s.getReason());
        }
        if (e instanceof HttpStatusException h) {
            return "HTTP " + h.status + (h.reason == null ? "" : " " + h.reason);
        }
        return "error (" + e.getClass().getSimpleName() + ")";
    }

    static int status(Throwable e) {
        if (e instanceof BaseServiceException s) {
            return s.getCode();
        }
        if (e instanceof HttpStatusException h) {
            return h.status;
        }
        return 0;
    }

    static boolean denied(Throwable e) {
        int s = status(e);
        return s == 401 || s == 403;
    }

    static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GuardedTransport.MutationRefused) {
                return true;
            }
        }
        return false;
    }

    /** "cannot connect to the endpoint (ConnectException)" and the like, else null. Only exception types are named. */
    static String network(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "cannot connect to the endpoint (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "timed out (" + t.getClass().getSimpleName() + ")";
            }
        }
        return null;
    }

    /** A non-2xx answer of a call made without the Storage client (the organisation policy). */
    static final class HttpStatusException extends java.io.IOException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String reason;

        HttpStatusException(int status, String reason) {
            super("HTTP " + status);
            this.status = status;
            this.reason = reason;
        }
    }
}
