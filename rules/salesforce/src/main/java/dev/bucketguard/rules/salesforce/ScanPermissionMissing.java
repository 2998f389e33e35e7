package dev.bucketguard.rules.salesforce;

import dev.bucketguard.cloud.salesforce.OrgDetails;
import dev.bucketguard.cloud.salesforce.OrgDetails.ScannerPermissions;
import dev.bucketguard.cloud.salesforce.SalesforceDetails;
import dev.bucketguard.cloud.salesforce.SalesforceFacts;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleDefinition;
import dev.bucketguard.spi.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The permissions the scanning user lacks, each with what it would have read (UNKNOWN), and the write-capable
 * permissions it should not hold (FAIL: a scanner needs none of them).
 */
@RuleDefinition(id = "salesforce.scan.permission-missing", severity = Severity.INFO, provider = "salesforce",
        kinds = "ORG", requires = {"SCANNER_PERMISSIONS"})
public final class ScanPermissionMissing implements Rule {
    static final Map<String, String> NEEDED = new LinkedHashMap<>();

    static {
        NEEDED.put(ScannerPermissions.VIEW_SETUP, "View Setup and Configuration: sites, guest permissions, Apex,"
                + " flows (the core verdict)");
        NEEDED.put(ScannerPermissions.VIEW_ALL_DATA, "View All Data: every Network and the share-row counts");
        NEEDED.put(ScannerPermissions.QUERY_ALL_FILES, "Query All Files: every public link");
        NEEDED.put(ScannerPermissions.VIEW_EVENT_LOG_FILES, "View Event Log Files: event log types and retention");
    }

    static final List<String> WRITE_CAPABLE = List.of("ModifyAllData", "ModifyMetadata", "CustomizeApplication",
            "ManageUsers", "AuthorApex");

    @Override
    public Outcome evaluate(Resource resource, Verdict verdict) {
        ScannerPermissions p = SalesforceDetails.org(resource).scanner();
        // Metadata API reads (--metadata) need Modify Metadata: a scan that made them needed it.
        boolean metadataRead = resource.knows(SalesforceFacts.EVENT_SETTINGS);
        List<String> excess = WRITE_CAPABLE.stream().filter(p::holds)
                .filter(x -> !(metadataRead && x.equals(ScannerPermissions.MODIFY_METADATA))).toList();
        if (!excess.isEmpty()) {
            return Outcome.fail("the scanning user holds write-capable permissions it does not need: "
                    + String.join(", ", excess), excess);
        }
        List<String> missing = new ArrayList<>();
        NEEDED.forEach((name, what) -> {
            if (!p.holds(name)) {
                missing.add("lacks " + what);
            }
        });
        resource.unknowns().stream().map(Unknown::describe).forEach(missing::add);
        if (!missing.isEmpty()) {
            return Outcome.unknown("the scanning user lacks permissions, so some settings were not read: "
                    + String.join("; ", missing), missing);
        }
        return Outcome.pass("the scanning user holds every permission the scan uses, and nothing write-capable");
    }
}
