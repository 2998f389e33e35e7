package dev.bucketguard.provider;

import dev.bucketguard.model.Resource;
import java.util.List;

/**
 * What a provider read.
 *
 * @param resources the resources, each with its unknowns
 * @param errors    failures that kept whole resources or accounts from being read (listing denied, bad input)
 */
public record Inventory(List<Resource> resources, List<ScanError> errors) {
    public Inventory {
        resources = List.copyOf(resources);
        errors = List.copyOf(errors);
    }
}
