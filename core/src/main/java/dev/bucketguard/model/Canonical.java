package dev.bucketguard.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One shared instance per name of a small value read over and over (a fact, a resource kind): a scan of 100,000
 * resources from a snapshot otherwise holds a million equal copies of a dozen facts. Up to {@value #MAX} names are
 * kept; past that (only a hostile input has so many), each call makes a new instance, so memory stays bounded.
 */
final class Canonical<T> {
    static final int MAX = 4096;

    private final Map<String, T> byName = new ConcurrentHashMap<>();
    private final Function<String, T> create;

    Canonical(Function<String, T> create) {
        this.create = create;
    }

    /** The shared instance for this name, made (and validated) by the constructor the first time. */
    T of(String name) {
        T t = name == null ? null : byName.get(name);
        if (t != null) {
            return t;
        }
        T made = create.apply(name);
        if (byName.size() >= MAX) {
            return made;
        }
        T earlier = byName.putIfAbsent(name, made);
        return earlier == null ? made : earlier;
    }
}
