package dev.bucketguard.terraform;

import dev.bucketguard.model.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a plan scan is given besides the plan.
 *
 * @param plan            the JSON of {@code terraform show -json PLANFILE}
 * @param accountId       the AWS account the plan deploys to ({@code --account-id}); null to take it from a
 *                        {@code data.aws_caller_identity} in the plan, else from {@code accountSettings}
 * @param accountSettings resources of a snapshot ({@code --account-settings}) whose account-level facts stand in for
 *                        what lives outside the plan (account Block Public Access); empty when none
 */
public record TerraformOptions(Path plan, String accountId, List<Resource> accountSettings) {
    public TerraformOptions {
        Objects.requireNonNull(plan, "plan");
        accountSettings = accountSettings == null ? List.of() : List.copyOf(accountSettings);
    }

    public TerraformOptions(Path plan) {
        this(plan, null, List.of());
    }
}
