package dev.bucketguard.aws;

import dev.bucketguard.provider.ProviderException;
import dev.bucketguard.provider.ScanError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which accounts a whole-organisation scan covers ({@code --org-role-name}): the organisation's active accounts from
 * Organizations ListAccounts (with the caller's credentials), less those {@code --accounts} leaves out and those
 * {@code --exclude-accounts} names. The caller's own account (the management or delegated administrator account) is
 * scanned with the caller's credentials; every other one through {@code arn:<partition>:iam::<id>:role/<name>}.
 *
 * @param roleName         the role to assume in each member account
 * @param accounts         only these accounts (empty: all)
 * @param excludeAccounts  never these accounts
 * @param trustOrganization true when the organisation counts as the owner's (its id becomes each bucket's parent);
 *                          false when the user named the trusted organisations with {@code --trusted-org}
 */
public record OrganizationScan(String roleName, List<String> accounts, List<String> excludeAccounts,
                               boolean trustOrganization) {
    public OrganizationScan {
        if (roleName == null || roleName.isBlank()) {
            throw new IllegalArgumentException("the role name is empty");
        }
        if (!roleName.matches("[\\w+=,.@/-]{1,512}")) {
            throw new IllegalArgumentException("'" + roleName + "' is not an IAM role name");
        }
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        excludeAccounts = excludeAccounts == null ? List.of() : List.copyOf(excludeAccounts);
        for (String id : concat(accounts, excludeAccounts)) {
            if (!id.matches("\\d{12}")) {
                throw new IllegalArgumentException("'" + id + "' is not an AWS account id (12 digits)");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a == null ? List.of() : a);
        out.addAll(b == null ? List.of() : b);
        return out;
    }

    /** One account to scan: with the caller's credentials (role null) or through a role. */
    record Member(String account, String role) {
    }

    /** The organisation, the accounts to scan in id order, and the scan errors found on the way. */
    record Plan(String organization, List<Member> members, List<ScanError> errors) {
    }

    /** The role ARN of a member account, in the caller's partition. */
    String roleArn(String partition, String account) {
        return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }

    /** Lists the organisation and decides what to scan; a refused listing stops the scan (nothing to scan). */
    Plan plan(OrganizationsApi api, String callerAccount, String partition) {
        OrganizationsApi.Organization org;
        List<OrganizationsApi.Account> listed;
        try {
            org = api.describeOrganization();
            listed = api.listAccounts();
        } catch (RuntimeException e) {
            if ("AWSOrganizationsNotInUseException".equals(ErrorCodes.of(e))) {
                // Nothing to scan as an organisation: the command, not the cloud, must change (exit 2).
                throw new ProviderException("--org-role-name: the caller's account " + callerAccount + " belongs to no"
                        + " organisation (AWSOrganizationsNotInUseException); scan it without --org-role-name", true);
            }
            boolean denied = ErrorCodes.denied(e);
            throw new ProviderException("could not list the accounts of the organisation: " + ErrorCodes.of(e)
                    + (denied ? " (needs organizations:DescribeOrganization and organizations:ListAccounts, from"
                            + " the management account or a delegated administrator)" : ""), false);
        }
        List<ScanError> errors = new ArrayList<>();
        Set<String> active = new TreeSet<>();
        Set<String> known = new TreeSet<>();
        for (OrganizationsApi.Account a : listed) {
            if (a.id() == null) {
                continue;
            }
            known.add(a.id());
            if (a.active()) {
                active.add(a.id());
            }
        }
        for (String id : accounts) {
            if (!known.contains(id)) {
                errors.add(new ScanError(AwsProvider.ID, AwsProvider.ID + ":" + id, ScanError.Kind.INPUT,
                        "--accounts: account " + id + " is not in organisation " + org.id()));
            } else if (!active.contains(id)) {
                errors.add(new ScanError(AwsProvider.ID, AwsProvider.ID + ":" + id, ScanError.Kind.INPUT,
                        "--accounts: account " + id + " of organisation " + org.id() + " is not active"));
            }
        }
        List<Member> members = new ArrayList<>();
        for (String id : active) {
            if ((!accounts.isEmpty() && !accounts.contains(id)) || excludeAccounts.contains(id)) {
                continue;
            }
            members.add(new Member(id, id.equals(callerAccount) ? null : roleArn(partition, id)));
        }
        return new Plan(org.id(), members, errors);
    }
}
