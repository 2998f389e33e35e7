package dev.bucketguard.cloud.aws;

import java.util.List;

/**
 * A trail's basic event selector (GetEventSelectors EventSelectors).
 *
 * @param readWriteType  {@code All}, {@code ReadOnly} or {@code WriteOnly}
 * @param dataResources  its data resources: type ({@code AWS::S3::Object}) and values (ARNs or ARN prefixes)
 */
public record EventSelector(String readWriteType, List<DataResource> dataResources) {
    public EventSelector {
        dataResources = dataResources == null ? List.of() : List.copyOf(dataResources);
    }

    /**
     * One data resource of a selector.
     *
     * @param type   {@code AWS::S3::Object}, {@code AWS::Lambda::Function}, ...
     * @param values {@code arn:aws:s3} (every bucket), {@code arn:aws:s3:::bucket/} or {@code arn:aws:s3:::bucket/prefix}
     */
    public record DataResource(String type, List<String> values) {
        public DataResource {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
