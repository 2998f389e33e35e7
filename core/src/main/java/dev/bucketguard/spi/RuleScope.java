package dev.bucketguard.spi;

/**
 * What a rule's finding is about: the resource itself, or a fact of the account that owns it (a setting every
 * resource of the account shares). The engine still asks the rule once per resource, so every resource carries the
 * finding; reports for people show an {@link #ACCOUNT} finding once per account instead of under each resource.
 */
public enum RuleScope {
    /** A setting of the resource: its policy, its ACL, its encryption. */
    RESOURCE,
    /** A setting of the owning account (or subscription, project, org) that holds for all its resources alike. */
    ACCOUNT
}
