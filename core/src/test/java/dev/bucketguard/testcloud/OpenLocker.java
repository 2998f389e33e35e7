package dev.bucketguard.testcloud;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;

/**
 * A locker's lock should be engaged. Needs the lock (the engine answers UNKNOWN without calling it when the lock is
 * unread) and reads the label, deciding without it when it is unread.
 */
@RuleDefinition(id = "test.locker.open", severity = Severity.HIGH, provider = TestCloud.ID, requires = "LOCK",
        reads = "LABEL")
public final class OpenLocker implements Rule {
    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        Locker l = resource.details(Locker.class);
        String label = resource.knows(TestCloud.LABEL) ? " '" + l.label() + "'" : "";
        return l.lock() == Locker.Lock.ENGAGED
                ? Outcome.pass("the lock of locker " + resource.id() + label + " is engaged")
                : Outcome.fail("the lock of locker " + resource.id() + label + " is open", "lock: OPEN");
    }
}
