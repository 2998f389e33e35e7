package dev.bucketguard.salesforce;

import java.io.IOException;

/**
 * A Salesforce call that failed: the HTTP status and Salesforce's {@code errorCode} ({@code INSUFFICIENT_ACCESS},
 * {@code INVALID_TYPE}, {@code REQUEST_LIMIT_EXCEEDED}, ...). The message is built from those and from Salesforce's
 * own one-line message with every secret the scan knows removed; it never carries a request header or the token.
 */
final class ApiException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    ApiException(int status, String errorCode, String detail) {
        super(describe(status, errorCode, detail));
        this.status = status;
        this.errorCode = errorCode == null ? "" : errorCode;
    }

    private static String describe(int status, String errorCode, String detail) {
        StringBuilder b = new StringBuilder();
        if (status > 0) {
            b.append("HTTP ").append(status);
        }
        if (errorCode != null && !errorCode.isBlank()) {
            b.append(b.length() > 0 ? " " : "").append(errorCode);
        }
        if (detail != null && !detail.isBlank()) {
            b.append(b.length() > 0 ? ": " : "").append(detail);
        }
        return b.toString();
    }

    int status() {
        return status;
    }

    /** An API request limit. */
    boolean limit() {
        return "REQUEST_LIMIT_EXCEEDED".equals(errorCode);
    }
}
