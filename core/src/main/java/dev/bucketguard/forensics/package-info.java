/**
 * The forensic-readiness answer of a resource: would a read of it be recorded, by which mechanism, and for how long
 * would the record be kept. Each cloud computes it from its collected facts ({@link dev.bucketguard.spi.Cloud#readAudit}),
 * the way it computes the exposure verdict; core names no mechanism of any cloud.
 */
package dev.bucketguard.forensics;
