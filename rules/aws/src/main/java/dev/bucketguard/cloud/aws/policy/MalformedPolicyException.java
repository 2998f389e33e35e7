package dev.bucketguard.cloud.aws.policy;

/** A policy document that is not valid JSON or not a valid IAM policy. The message is one line for people. */
public class MalformedPolicyException extends Exception {
    public MalformedPolicyException(String message) {
        super(message);
    }
}
