package dev.bucketguard.cloud.gcp;

import java.util.List;

/**
 * Where the project's log sinks send Cloud Storage's Data Access audit logs ({@link GcpFacts#LOG_ROUTING}). A sink
 * counts only when its filter certainly lets them through: bucketguard evaluates filters made of {@code AND}ed
 * terms that name log ids, {@code resource.type} or {@code protoPayload.serviceName}, and leaves others out, named.
 *
 * @param routes      the sinks that route them, each with its destination's retention, sorted by sink
 * @param excluded    the sinks that do not: disabled, a filter or an exclusion that leaves them out, one line each
 * @param unevaluated the sinks whose filter or exclusion bucketguard does not evaluate, one line each
 */
public record LogRouting(List<LogRoute> routes, List<String> excluded, List<String> unevaluated) {
    public LogRouting {
        routes = routes == null ? List.of() : List.copyOf(routes);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        unevaluated = unevaluated == null ? List.of() : List.copyOf(unevaluated);
    }
}
