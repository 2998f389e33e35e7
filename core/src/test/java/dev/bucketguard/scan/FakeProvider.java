package dev.bucketguard.scan;

import dev.bucketguard.model.Resource;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ScanError;
import java.util.ArrayList;
import java.util.List;

/** A provider that hands out fixed resources and records which facts it was asked for. */
final class FakeProvider implements Provider {
    private final String id;
    private final List<Resource> resources;
    private final List<ScanError> errors;
    final List<FactSelection> requested = new ArrayList<>();

    FakeProvider(String id, List<Resource> resources, List<ScanError> errors) {
        this.id = id;
        this.resources = List.copyOf(resources);
        this.errors = List.copyOf(errors);
    }

    FakeProvider(String id, Resource... resources) {
        this(id, List.of(resources), List.of());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Inventory collect(FactSelection facts, Progress progress) {
        requested.add(facts);
        return new Inventory(resources, errors);
    }
}
