package dev.bucketguard.example.toy;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.spi.Cloud;
import java.util.List;
import java.util.Set;

/**
 * A toy cloud of shelves in a lending library, added through the {@link Cloud} SPI alone: listed in
 * {@code META-INF/services/dev.bucketguard.spi.Cloud}, it brings its vocabulary, its details type ({@link Shelf}),
 * its verdict ({@link ShelfVerdict}) and one rule ({@link UnlockedShelf}). No core file names it.
 */
public final class ToyCloud implements Cloud {
    public static final String ID = "toy";
    /** A shelf of books. */
    public static final ResourceKind SHELF = ResourceKind.of("SHELF");
    /** The library branch a shelf's owner belongs to. */
    public static final String BRANCH = "branch";
    /** Whether the shelf's glass door is locked: {@link Shelf#locked()}. */
    public static final Fact LOCK = Fact.of("LOCK");
    /** Who holds a lending card for the shelf: grants through {@link #LENDING_CARD}. */
    public static final Fact LENDING_CARDS = Fact.of("LENDING_CARDS");
    /** A lending card: anyone holding it may take books from the shelf. */
    public static final Channel LENDING_CARD = Channel.of("LENDING_CARD");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Toy library";
    }

    @Override
    public Set<ResourceKind> kinds() {
        return Set.of(SHELF);
    }

    @Override
    public Set<Fact> facts() {
        return Set.of(LOCK, LENDING_CARDS);
    }

    @Override
    public Set<Fact> verdictFacts() {
        return Set.of(LOCK, LENDING_CARDS);
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(LENDING_CARD);
    }

    @Override
    public Set<String> parentKinds() {
        return Set.of(BRANCH);
    }

    @Override
    public Class<? extends Details> detailsType() {
        return Shelf.class;
    }

    @Override
    public Verdict verdict(Resource resource, TrustZone trust) {
        return new ShelfVerdict(resource, trust).verdict();
    }

    @Override
    public List<String> problems(Resource resource) {
        Shelf s = resource.details() == null ? Shelf.UNREAD : resource.details(Shelf.class);
        return resource.knows(LOCK) && s.locked() == null
                ? List.of("fact LOCK is collected and known, but 'locked' is missing") : List.of();
    }
}
