package dev.bucketguard.cloud.salesforce;

/** The sharing keyword an Apex class declares. */
public enum ApexSharing {
    /** {@code with sharing}: the caller's record access applies. */
    WITH_SHARING,
    /** {@code without sharing}: record access is ignored. */
    WITHOUT_SHARING,
    /** {@code inherited sharing}: the caller's mode, with sharing at a top-level entry. */
    INHERITED_SHARING,
    /** No keyword: with sharing for {@code @AuraEnabled} controllers (Spring '21) and from API 67.0; otherwise ⚠ none. */
    OMITTED,
    /** The source is hidden: the keyword could not be read. */
    UNREAD
}
