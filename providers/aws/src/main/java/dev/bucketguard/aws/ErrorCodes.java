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
        if (e instanceof AwsServiceException a) {
            AwsErrorDetails d = a.awsErrorDetails();
            if (d != null && d.errorCode() != null && !d.errorCode().isBlank()) {
                return d.errorCode();
            }
            return "HTTP " + a.statusCode();
        }
        if (e instanceof SdkClientException) {
            return "client error (" + e.getClass().getSimpleName() + ")";
        }
        return "internal error (" + e.getClass().getSimpleName() + ")";
    }

    static boolean is(Throwable e, String code) {
        return e instanceof AwsServiceException a && a.awsErrorDetails() != null
                && code.equals(a.awsErrorDetails().errorCode());
    }

    static boolean denied(Throwable e) {
        return e instanceof AwsServiceException a && (a.statusCode() == 403
                || is(e, "AccessDenied") || is(e, "AccessDeniedException"));
    }
}
