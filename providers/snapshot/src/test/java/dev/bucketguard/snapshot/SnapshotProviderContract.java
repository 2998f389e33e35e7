package dev.bucketguard.snapshot;

import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.testkit.ProviderContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit's provider contract for the snapshot reader, once per cloud: a snapshot written by a scan whose every
 * read was refused keeps every fact unknown with its call and permission, and a resource that does not belong
 * (an unknown kind) is one input error naming it while the bundled example's resources of that cloud are read.
 */
abstract class SnapshotProviderContract extends ProviderContract {
    private static final Path EXAMPLE = Path.of("../../examples/account-opening.snapshot.json");

    @TempDir
    Path dir;

    @Override
    protected World everyFactDenied() throws IOException {
        Cloud cloud = cloud();
        ResourceKind kind = new TreeSet<>(cloud.kinds().stream().map(ResourceKind::name).toList()).first()
                .transform(ResourceKind::of);
        List<Resource> resources = new ArrayList<>();
        for (String id : List.of("refused-one", "refused-two")) {
            Resource.Builder b = Resource.builder(cloud.id(), "owner-1", id).kind(kind).region("region-1");
            for (Fact f : new TreeSet<>(cloud.facts())) {
                b.unknown(f, "Read" + f.name(), cloud.id() + ":read-" + f.name().toLowerCase(java.util.Locale.ROOT),
                        "AccessDenied");
            }
            resources.add(b.build());
        }
        Path file = dir.resolve("denied.snapshot.json");
        Snapshot.write(resources, file);
        return World.of(new SnapshotProvider(file), "refused-one", "refused-two");
    }

    @Override
    protected World oneBrokenResource() throws IOException {
        List<Resource> healthy = new SnapshotProvider(EXAMPLE).collect(new FactSelection(java.util.Map.of()),
                Progress.NONE).resources().stream().filter(r -> r.provider().equals(cloud().id())).toList();
        Path good = dir.resolve("healthy.snapshot.json");
        Snapshot.write(healthy, good);
        String text = Files.readString(good, StandardCharsets.UTF_8);
        String broken = "{\"provider\": \"" + cloud().id() + "\", \"account\": \"owner-1\", \"id\": \"broken-one\","
                + " \"kind\": \"NO_SUCH_KIND\", \"collected\": []},\n";
        int first = text.indexOf('{', text.indexOf("\"resources\""));
        Path file = dir.resolve("broken.snapshot.json");
        Files.writeString(file, text.substring(0, first) + broken + text.substring(first), StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        ids.add("broken-one");
        healthy.forEach(r -> ids.add(r.id()));
        return new World(new SnapshotProvider(file), ids, "broken-one");
    }

    @Override
    protected ReadOnlyProbe readOnlyProbe() {
        return null;
    }

    @Override
    protected boolean readsOnlyTheFactsAskedFor() {
        return false;
    }
}
