/**
 * The per-resource exposure verdict: PUBLIC, CROSS_ACCOUNT, PRIVATE or UNKNOWN, with the chain of reasons that
 * decided it and the effect of every grant after guardrails. Implements the decision rules of SEMANTICS.md section 5.
 */
package dev.bucketguard.exposure;
