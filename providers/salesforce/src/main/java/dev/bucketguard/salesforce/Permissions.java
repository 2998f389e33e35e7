package dev.bucketguard.salesforce;

/** The user permissions the scan's queries need, as Setup names them (what the README's least-privilege user lists). */
final class Permissions {
    static final String API = "API Enabled";
    static final String VIEW_SETUP = "View Setup and Configuration";
    static final String NETWORKS = "View All Data or Create and Set Up Experiences (for the complete list of"
            + " Experience sites)";
    static final String SHARE_ROWS = "read access to the object, or View All Data (for every share row)";
    static final String QUERY_ALL_FILES = "Query All Files (for the complete list of public links)";
    static final String EVENT_LOG_FILES = "View Event Log Files";
    static final String METADATA = "Modify Metadata Through Metadata API Functions, and --metadata";

    private Permissions() {
    }
}
