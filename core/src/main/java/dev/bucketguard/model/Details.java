package dev.bucketguard.model;

/**
 * What a cloud knows about a resource beyond the neutral envelope of {@link Resource}: its guardrails, its policy
 * facts, its logging and versioning, in the cloud's own types. Each cloud has one record type implementing this
 * (named by {@code dev.bucketguard.spi.Cloud#detailsType()}), and only that cloud's verdict and rules read it.
 *
 * <p>Contract, the same for every cloud: a component that belongs to a fact the resource {@link Resource#knows(Fact)
 * knows} is non-null (the provider writes "never enabled" or "not configured" itself); a component whose fact was not
 * collected or could not be read is null. So null never means "absent".
 */
public interface Details {
}
