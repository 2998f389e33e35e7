package dev.bucketguard.provider;

import dev.bucketguard.model.Fact;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The facts a scan needs, per cloud: that cloud's verdict facts and the facts of the selected rules for it. A
 * provider fetches, for each resource, exactly {@link #of(String)} of the resource's cloud.
 *
 * @param byCloud cloud id to its facts
 */
public record FactSelection(Map<String, Set<Fact>> byCloud) {
    public FactSelection {
        Map<String, Set<Fact>> copy = new TreeMap<>();
        byCloud.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        byCloud = Collections.unmodifiableMap(copy);
    }

    /** The facts to read for resources of this cloud; empty when the scan needs none of it. */
    public Set<Fact> of(String cloud) {
        return byCloud.getOrDefault(cloud, Set.of());
    }

    /** One cloud's facts. */
    public static FactSelection only(String cloud, Set<Fact> facts) {
        return new FactSelection(Map.of(cloud, facts));
    }
}
