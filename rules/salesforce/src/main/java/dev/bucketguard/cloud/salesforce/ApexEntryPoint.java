package dev.bucketguard.cloud.salesforce;

/** How a guest can call into an Apex class "with arbitrary parameters". */
public enum ApexEntryPoint {
    AURA_ENABLED,
    REST_RESOURCE,
    WEBSERVICE,
    INVOCABLE_METHOD,
    /** The controller or an extension of a Visualforce page the guest may open. */
    VISUALFORCE_CONTROLLER
}
