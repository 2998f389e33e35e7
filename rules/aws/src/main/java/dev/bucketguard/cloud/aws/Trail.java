package dev.bucketguard.cloud.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bucketguard.model.Unknown;
import java.util.List;
import java.util.Objects;

/**
 * A CloudTrail trail that applies to a bucket's region (DescribeTrails there, shadow trails included), with its
 * status, its selectors and where it delivers. A part that could not be read is null, with its call and permission in
 * {@link #unread()}.
 *
 * @param name                   the trail's name
 * @param arn                    its ARN
 * @param homeRegion             where it was created
 * @param multiRegion            whether it records every region
 * @param logging                GetTrailStatus IsLogging; null when not read
 * @param eventSelectors         GetEventSelectors EventSelectors; null when not read, empty when it uses advanced ones
 * @param advancedEventSelectors GetEventSelectors AdvancedEventSelectors; null when not read
 * @param destination            the bucket it delivers to, with its lifecycle; null when that was not read
 * @param unread                 the calls about this trail that failed
 */
public record Trail(String name, String arn, String homeRegion, boolean multiRegion, Boolean logging,
                    // Written even when empty or null: "not read" (null) and "none" ([]) decide different answers.
                    @JsonInclude(JsonInclude.Include.ALWAYS) List<EventSelector> eventSelectors,
                    @JsonInclude(JsonInclude.Include.ALWAYS) List<AdvancedEventSelector> advancedEventSelectors,
                    LogDestination destination, List<Unknown> unread) {
    public Trail {
        Objects.requireNonNull(name, "name");
        eventSelectors = eventSelectors == null ? null : List.copyOf(eventSelectors);
        advancedEventSelectors = advancedEventSelectors == null ? null : List.copyOf(advancedEventSelectors);
        unread = unread == null ? List.of() : List.copyOf(unread);
    }
}
