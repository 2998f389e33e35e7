package dev.bucketguard.example.toy;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/** A shelf's door should be locked. The engine answers UNKNOWN before calling it when the lock was not read. */
@RuleDefinition(id = "toy.shelf.unlocked", severity = Severity.HIGH, provider = ToyCloud.ID, requires = "LOCK")
public final class UnlockedShelf implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        return Boolean.TRUE.equals(resource.details(Shelf.class).locked())
                ? Outcome.pass("the door of shelf " + resource.id() + " is locked")
                : Outcome.fail("the door of shelf " + resource.id() + " is unlocked", "locked: false");
    }
}
