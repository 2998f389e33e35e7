package dev.bucketguard.testcloud;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.GrantEffect;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Grant;
import dev.bucketguard.model.Resource;
import java.util.List;

/**
 * The test cloud's verdict: unread shares are UNKNOWN; an engaged lock neutralises public shares; an unread lock
 * leaves them undecided; a public share in force is PUBLIC; then the shared cross-account step.
 */
final class LockerVerdict extends VerdictBuilder {
    LockerVerdict(Resource resource, TrustZone trust) {
        super(resource, trust);
        grantFacts(List.of(TestCloud.GRANTS));
    }

    @Override
    public Verdict verdict() {
        if (!resource.knows(TestCloud.GRANTS)) {
            resource.whyUnknown(TestCloud.GRANTS).ifPresent(u -> reasons.add(u.describe()));
            return done(Exposure.UNKNOWN);
        }
        Locker.Lock lock = resource.knows(TestCloud.LOCK) ? resource.details(Locker.class).lock() : null;
        for (Grant g : resource.grants()) {
            if (!g.grantee().isPublic()) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null));
            } else if (lock == null) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.UNDECIDED, "the lock could not be read"));
            } else if (lock == Locker.Lock.ENGAGED) {
                effects.add(new GrantEffect(g, GrantEffect.Effect.NEUTRALISED, "the lock is engaged"));
            } else {
                effects.add(new GrantEffect(g, GrantEffect.Effect.IN_FORCE, null));
            }
        }
        List<GrantEffect> open = effects.stream().filter(e -> e.grant().grantee().isPublic() && e.inForce()).toList();
        if (!open.isEmpty()) {
            open.forEach(e -> reasons.add(describe(e.grant()) + " and the lock is open"));
            return done(Exposure.PUBLIC);
        }
        if (effects.stream().anyMatch(e -> e.effect() == GrantEffect.Effect.UNDECIDED)) {
            resource.whyUnknown(TestCloud.LOCK).ifPresent(u -> reasons.add(u.describe()));
            return done(Exposure.UNKNOWN);
        }
        Exposure cross = crossAccountStep();
        if (cross != null) {
            return done(cross);
        }
        reasons.add("no share reaches anyone outside the owner");
        return done(Exposure.PRIVATE);
    }
}
