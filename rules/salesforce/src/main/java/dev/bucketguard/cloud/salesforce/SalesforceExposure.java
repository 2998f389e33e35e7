package dev.bucketguard.cloud.salesforce;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.exposure.VerdictBuilder;
import dev.bucketguard.model.Resource;

/** The exposure verdict of a Salesforce resource (SALESFORCE.md section 4). */
public final class SalesforceExposure extends VerdictBuilder {
    public SalesforceExposure(Resource resource, TrustZone trust) {
        super(resource, trust);
    }

    @Override
    public Verdict verdict() {
        reasons.add("the Salesforce verdict is not built yet");
        return done(Exposure.UNKNOWN);
    }
}
