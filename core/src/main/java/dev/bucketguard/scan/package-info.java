/**
 * The public library API: build a {@link dev.bucketguard.scan.Scanner} from providers and rules, run it, get a
 * {@link dev.bucketguard.scan.ScanReport}; decide a CI gate with {@link dev.bucketguard.scan.Gate}.
 */
package dev.bucketguard.scan;
