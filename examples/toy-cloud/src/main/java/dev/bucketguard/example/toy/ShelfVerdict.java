package dev.bucketguard.example.toy;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import java.util.List;

/**
 * The toy verdict: a locked door neutralises every lending card; an unlocked shelf with a card for anyone is PUBLIC;
 * a card for another branch's reader is CROSS_ACCOUNT; a door that could not be read leaves the cards undecided.
 */
final class ShelfVerdict extends VerdictBuilder {
    ShelfVerdict(Resource resource, TrustZone trust) {
        super(resource, trust);
        grantFacts(List.of(ToyCloud.LENDING_CARDS));
    }

    @Override
    public Verdict verdict() {
        Boolean locked = resource.knows(ToyCloud.LOCK) ? resource.details(Shelf.class).locked() : null;
        for (Grant g : resource.grants()) {
            GrantEffect.Effect effect = locked == null ? GrantEffect.Effect.UNDECIDED
                    : locked ? GrantEffect.Effect.NEUTRALISED : GrantEffect.Effect.IN_FORCE;
            effects.add(new GrantEffect(g, effect, locked == null ? "the lock could not be read"
                    : locked ? "the door is locked" : null));
        }
        boolean publicCard = effects.stream().anyMatch(e -> e.grant().grantee().isPublic() && e.inForce());
        if (publicCard) {
            effects.stream().filter(e -> e.grant().grantee().isPublic() && e.inForce())
                    .forEach(e -> reasons.add(describe(e.grant()) + " and the door is unlocked"));
            return done(Exposure.PUBLIC);
        }
        if (!resource.knows(ToyCloud.LOCK) && !resource.grants().isEmpty()) {
            resource.whyUnknown(ToyCloud.LOCK).ifPresent(u -> reasons.add(u.describe()));
            return done(Exposure.UNKNOWN);
        }
        Exposure cross = crossAccountStep();
        if (cross != null) {
            return done(cross);
        }
        reasons.add(locked != null && locked ? "the door is locked" : "no lending card reaches an outsider");
        return done(Exposure.PRIVATE);
    }
}
