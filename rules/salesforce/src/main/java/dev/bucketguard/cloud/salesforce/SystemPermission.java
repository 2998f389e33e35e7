package dev.bucketguard.cloud.salesforce;

import java.util.List;

/**
 * A system permission the guest holds ({@link SalesforceFacts#SYSTEM_PERMISSIONS}), named as the
 * {@code PermissionSet} field without its {@code Permissions} prefix: {@code ApiEnabled}, {@code ViewAllData},
 * {@code ModifyAllData}, {@code ViewAllUsers}, {@code RunFlows}, ...
 *
 * @param name    the permission
 * @param sources the profile and permission sets that grant it, sorted
 */
public record SystemPermission(String name, List<String> sources) {
    public static final String API_ENABLED = "ApiEnabled";
    public static final String VIEW_ALL_DATA = "ViewAllData";
    public static final String MODIFY_ALL_DATA = "ModifyAllData";
    public static final String VIEW_ALL_USERS = "ViewAllUsers";
    public static final String RUN_FLOWS = "RunFlows";

    public SystemPermission {
        Lists.require(name, "name");
        sources = Lists.names(sources);
    }
}
