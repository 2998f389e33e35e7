package dev.bucketguard.cloud.salesforce;

import java.util.List;

/**
 * What the site's logged-in members can read ({@link SalesforceFacts#MEMBER_ACCESS}).
 *
 * @param memberGroups      the profiles and permission sets of {@code NetworkMemberGroup}, sorted
 * @param objectsRead       objects some member profile or permission set has Read on, sorted
 * @param selfRegObjectsRead objects the self-registration profile has Read on, sorted (empty without self-registration)
 */
public record MemberAccess(List<String> memberGroups, List<String> objectsRead, List<String> selfRegObjectsRead) {
    public MemberAccess {
        memberGroups = Lists.names(memberGroups);
        objectsRead = Lists.names(objectsRead);
        selfRegObjectsRead = Lists.names(selfRegObjectsRead);
    }
}
