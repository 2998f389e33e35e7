package dev.bucketguard.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The clouds known to a scan: the ones on the class path, or a given list. Immutable. */
public final class Clouds {
    private static volatile Clouds discovered;

    private final Map<String, Cloud> byId;

    private Clouds(Collection<Cloud> clouds) {
        Map<String, Cloud> map = new TreeMap<>();
        for (Cloud c : clouds) {
            Cloud previous = map.putIfAbsent(c.id(), c);
            if (previous != null && previous.getClass() != c.getClass()) {
                throw new IllegalStateException("two clouds share the id " + c.id() + ": "
                        + previous.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        this.byId = map;
    }

    public static Clouds of(Collection<Cloud> clouds) {
        return new Clouds(clouds);
    }

    public static Clouds of(Cloud... clouds) {
        return new Clouds(List.of(clouds));
    }

    /** Every cloud on the class path of the given loader. */
    public static Clouds discover(ClassLoader loader) {
        List<Cloud> found = new ArrayList<>();
        ServiceLoader.load(Cloud.class, loader).forEach(found::add);
        return new Clouds(found);
    }

    /** Every cloud on the class path; found once and kept. */
    public static Clouds discover() {
        Clouds c = discovered;
        if (c == null) {
            c = discover(Clouds.class.getClassLoader());
            discovered = c;
        }
        return c;
    }

    public Optional<Cloud> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The cloud with this id; an {@link IllegalArgumentException} naming the known ids otherwise. */
    public Cloud require(String id) {
        Cloud c = byId.get(id);
        if (c == null) {
            throw new IllegalArgumentException("unknown provider '" + id + "' (known: " + String.join(", ", ids())
                    + ")");
        }
        return c;
    }

    /** The ids, sorted. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public List<Cloud> all() {
        return List.copyOf(byId.values());
    }
}
