package dev.bucketguard.spi;

import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import java.util.List;

/**
 * A rule that reports the engine's exposure verdict as it stands, so a multi-cloud snapshot can gate on "public"
 * without each cloud's guardrail logic being written twice (once in the verdict, once in a rule).
 */
public abstract class PublicVerdict implements Rule {
    private final String noun;

    /** @param noun what is public, for messages: "the storage account", "the bucket" */
    protected PublicVerdict(String noun) {
        this.noun = noun;
    }

    @Override
    public final Outcome evaluate(Resource resource, Verdict verdict) {
        List<String> reasons = verdict.reasons();
        String because = reasons.isEmpty() ? "" : ": " + String.join("; ", reasons);
        return switch (verdict.exposure()) {
            case PUBLIC -> Outcome.fail(capitalised(noun) + " is public" + because, reasons);
            case UNKNOWN -> Outcome.unknown("whether " + noun + " is public could not be decided" + because, reasons);
            case CROSS_ACCOUNT -> Outcome.pass(capitalised(noun) + " is not public to the internet (its verdict is CROSS_ACCOUNT: see the reasons)"
                    + because, reasons.toArray(String[]::new));
            case PRIVATE -> Outcome.pass(capitalised(noun) + " is not public" + because,
                    reasons.toArray(String[]::new));
        };
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
