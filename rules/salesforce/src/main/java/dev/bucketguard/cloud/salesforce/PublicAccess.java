package dev.bucketguard.cloud.salesforce;

import java.util.List;

/**
 * Experience Builder's public access ({@code ExperienceBundle}, Metadata API; {@link SalesforceFacts#PUBLIC_ACCESS}).
 *
 * @param authenticationType the site config's {@code authenticationType} (⚠
 *                           {@code AUTHENTICATED_WITH_PUBLIC_ACCESS_ENABLED} when the public can access it)
 * @param publicPages        routes whose {@code pageAccess} is {@code Public}, sorted
 */
public record PublicAccess(String authenticationType, List<String> publicPages) {
    public PublicAccess {
        publicPages = Lists.names(publicPages);
    }
}
