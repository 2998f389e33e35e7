package dev.bucketguard.testcloud;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Compliance;
import java.util.List;
import java.util.Set;

/**
 * A neutral cloud for core's own tests, added through the {@link Cloud} SPI alone (listed in the test resources'
 * {@code META-INF/services/dev.bucketguard.spi.Cloud}): lockers owned by an account in a group, shared through
 * shares, with a lock that cuts public shares. Core's tests use no real cloud.
 *
 * <p>A second instance under another id ({@link #TestCloud(String)}) stands for a second cloud where a test needs
 * two; it is not registered.
 */
public class TestCloud implements Cloud {
    public static final String ID = "test";
    /** A locker. */
    public static final ResourceKind LOCKER = ResourceKind.of("LOCKER");
    /** The owner's parent: the group its account belongs to. */
    public static final String GROUP = "group";
    /** Who holds a share of the locker: grants through {@link #SHARE}. */
    public static final Fact GRANTS = Fact.of("GRANTS");
    /** Whether the lock is engaged: {@link Locker#lock()}. */
    public static final Fact LOCK = Fact.of("LOCK");
    /** The locker's label: {@link Locker#label()}; no verdict reads it. */
    public static final Fact LABEL = Fact.of("LABEL");
    /** A share: its holder may open the locker. */
    public static final Channel SHARE = Channel.of("SHARE");

    private final String id;

    /** The registered test cloud, {@value #ID}. */
    public TestCloud() {
        this(ID);
    }

    /** The same vocabulary under another id, for tests that need two clouds. */
    public TestCloud(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Test cloud " + id;
    }

    @Override
    public Set<ResourceKind> kinds() {
        return Set.of(LOCKER);
    }

    @Override
    public Set<Fact> facts() {
        return Set.of(GRANTS, LOCK, LABEL, Fact.ENCRYPTION);
    }

    @Override
    public Set<Fact> verdictFacts() {
        return Set.of(GRANTS, LOCK);
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(SHARE);
    }

    @Override
    public Set<String> parentKinds() {
        return Set.of(GROUP);
    }

    @Override
    public Class<? extends Details> detailsType() {
        return Locker.class;
    }

    @Override
    public Verdict verdict(Resource resource, TrustZone trust) {
        return new LockerVerdict(resource, trust).verdict();
    }

    @Override
    public List<String> problems(Resource resource) {
        Locker l = resource.details() == null ? Locker.UNREAD : resource.details(Locker.class);
        return resource.knows(LOCK) && l.lock() == null
                ? List.of("fact LOCK is known, but 'lock' is missing from the details") : List.of();
    }

    /** The test cloud's framework mapping, beside this class. */
    @Override
    public List<Compliance> compliance() {
        return List.of(Compliance.load(TestCloud.class, "locker-benchmark.yaml"));
    }

    /** A locker of the registered cloud whose verdict facts were all read: no shares, lock open. */
    public static Resource.Builder locker(String account, String id) {
        return Resource.builder(ID, account, id).kind(LOCKER).collected(GRANTS, LOCK)
                .details(new Locker(Locker.Lock.OPEN, null));
    }
}
