package dev.bucketguard.cloud.salesforce;

import java.util.List;
import java.util.Objects;

/**
 * A guest-callable Apex class: the guest's profile or a permission set grants access to it ({@code SetupEntityAccess},
 * {@code ApexClass}), or it controls a Visualforce page the guest may open, and it has an exposed entry point
 * ({@link SalesforceFacts#APEX_CLASSES}). Read from {@code ApexClass.Body} by a text scan.
 *
 * @param id           the {@code ApexClass} id
 * @param name         its name (with the namespace prefix for a managed class: {@code ns__Name})
 * @param namespace    {@code NamespacePrefix}; null for the org's own classes
 * @param apiVersion   {@code ApiVersion}, such as {@code 58.0}
 * @param sharing      the sharing keyword the class declares
 * @param entryPoints  the exposed entry points found, sorted
 * @param objects      the objects its SOQL, SOSL and DML name, sorted
 * @param dynamicSoql  true when it builds queries at run time ({@code Database.query}): the objects it reaches cannot
 *                     all be read from the text
 * @param userMode     true when its queries run in user mode ({@code WITH USER_MODE}, {@code AccessLevel.USER_MODE})
 * @param sourceHidden true for a managed class whose body Salesforce does not show: nothing can be judged
 * @param via          the profile, permission sets or Visualforce pages that let the guest call it, sorted
 */
public record ApexClassAccess(
        String id,
        String name,
        String namespace,
        String apiVersion,
        ApexSharing sharing,
        List<ApexEntryPoint> entryPoints,
        List<String> objects,
        boolean dynamicSoql,
        boolean userMode,
        boolean sourceHidden,
        List<String> via) {

    /** Summer '26: a class without a keyword runs with sharing and in user mode from this version on. */
    public static final double USER_MODE_DEFAULT_VERSION = 67.0;

    public ApexClassAccess {
        Lists.require(name, "name");
        Objects.requireNonNull(sharing, "missing required field 'sharing'");
        entryPoints = entryPoints == null ? List.of() : entryPoints.stream().distinct().sorted().toList();
        objects = Lists.names(objects);
        via = Lists.names(via);
        if (apiVersion != null) {
            try {
                Double.parseDouble(apiVersion);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Apex class " + name + ": apiVersion '" + apiVersion
                        + "' is not a number such as 58.0");
            }
        }
    }

    /** The API version as a number; 0 when not read (treated as old: system mode). */
    public double version() {
        return apiVersion == null ? 0 : Double.parseDouble(apiVersion);
    }

    /** Its reach cannot be read from its text: the source is hidden or it builds queries at run time. */
    public boolean reachUnreadable() {
        return sourceHidden || dynamicSoql;
    }
}
