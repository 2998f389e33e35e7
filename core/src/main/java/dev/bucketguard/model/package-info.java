/**
 * The provider-neutral model of a storage resource: who can reach its data and through what, which guardrails apply,
 * how it is encrypted, and, for every fact that could not be read, why.
 *
 * <p>All types are immutable records. A fact the provider did not collect, or collected and could not read, is never
 * silently "absent": {@link dev.bucketguard.model.Resource#knows(Fact)} tells the two apart, and
 * {@link dev.bucketguard.model.Resource#whyUnknown(Fact)} gives the reason.
 */
package dev.bucketguard.model;
