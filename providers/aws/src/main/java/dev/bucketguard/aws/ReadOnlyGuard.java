package dev.bucketguard.aws;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refuses every operation that could change anything, before the request is built or sent. bucketguard runs with
 * whatever credentials the user has, often an administrator's, so read-only must not depend on the caller's care.
 */
final class ReadOnlyGuard implements ExecutionInterceptor {

    /** Thrown (wrapped by the SDK) when a mutating operation is attempted. */
    static final class MutationRefused extends SdkClientException {
        private static final long serialVersionUID = 1L;

        MutationRefused(String operation) {
            super(SdkClientException.builder()
                    .message("bucketguard is read-only and refuses " + operation));
        }
    }

    /**
     * What the SDK clients may send: reads ({@code Get*}, {@code List*}, {@code Head*}, {@code Describe*}) and STS
     * AssumeRole (it changes nothing). Organizations goes through {@link OrganizationsApi}, which allows only
     * ListAccounts and DescribeOrganization.
     */
    static boolean allowed(String operation) {
        if (operation == null) {
            return false;
        }
        return operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Head")
                || operation.startsWith("Describe") || "AssumeRole".equals(operation);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!allowed(operation)) {
            throw new MutationRefused(operation);
        }
    }
}
