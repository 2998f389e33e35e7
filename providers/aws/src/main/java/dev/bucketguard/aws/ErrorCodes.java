package dev.bucketguard.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns a failed call into the short text people see. Only the AWS error code or the exception's type is used: raw
 * messages can carry request ids, signatures or (from some credential providers) key ids.
 */
final class ErrorCodes {
    private ErrorCodes() {
    }

    static String of(Throwable e) {
        if (e instanceof OrganizationsApi.Failure f) {
            return f.code();
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            String network = network(u.getCause());
            return network != null ? network : "I/O error (" + u.getCause().getClass().getSimpleName() + ")";
        }
        if (e instanceof AwsServiceException a) {
            AwsErrorDetails d = a.awsErrorDetails();
            if (d != null && d.errorCode() != null && !d.errorCode().isBlank()) {
                return d.errorCode();
            }
            return "HTTP " + a.statusCode();
        }
        if (e instanceof SdkClientException) {
            String network = network(e);
            if (network != null) {
                return network;
            }
            return unparseable(e) ? "the endpoint's answer is not the response S3 documents (it could not be parsed)"
                    : "the AWS SDK could not complete the call (" + e.getClass().getSimpleName() + ")";
        }
        return "internal error (" + e.getClass().getSimpleName() + ")";
    }

    /** True when the SDK failed to read the answer: malformed XML or JSON, or a shape it did not expect. */
    private static boolean unparseable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (t instanceof javax.xml.stream.XMLStreamException || t instanceof org.xml.sax.SAXException
                    || type.contains("Unmarshall") || type.contains("JsonParseException")
                    || (t.getMessage() != null && t.getMessage().startsWith("Unable to unmarshall"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "cannot connect (ConnectException)" and the like when the failure is the network, else null. Only exception
     * types are named, never their messages (which may echo URLs with credentials).
     */
    static String network(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException) {
                return "cannot connect to the endpoint (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.io.InterruptedIOException) {
                return "timed out (" + t.getClass().getSimpleName() + ")";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static boolean is(Throwable e, String code) {
        return e instanceof AwsServiceException a && a.awsErrorDetails() != null
                && code.equals(a.awsErrorDetails().errorCode());
    }

    static boolean denied(Throwable e) {
        if (e instanceof OrganizationsApi.Failure f) {
            return f.denied();
        }
        return e instanceof AwsServiceException a && (a.statusCode() == 403
                || is(e, "AccessDenied") || is(e, "AccessDeniedException"));
    }
}
