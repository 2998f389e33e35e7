package dev.bucketguard.terraform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the {@code .tf} file and line of a resource block (and of a module call) under a source directory, following
 * the plan's local module sources ({@code ./modules/bucket}), so that SARIF results point at the line to change.
 */
final class SourceIndex {
    private static final Pattern BLOCK = Pattern.compile(
            "^\\s*(resource|data|module)\\s+\"([^\"]+)\"(?:\\s+\"([^\"]+)\")?\\s*\\{");

    /** A place in the sources, its path relative to the source directory with forward slashes. */
    record Location(String file, int line) {
    }

    private final Path root;
    private final Path rootModule;
    private final Plan plan;
    private final Map<Path, Map<String, Location>> byDirectory = new HashMap<>();

    /**
     * @param root the source directory: files are looked up under it and named relative to it. The root module is
     *             the plan file's directory when that lies under it and holds {@code .tf} files (terraform show -json
     *             is usually run there), else the source directory itself.
     */
    SourceIndex(Path root, Plan plan) {
        this.root = root.toAbsolutePath().normalize();
        this.plan = plan;
        Path planDir = plan.file().toAbsolutePath().normalize().getParent();
        this.rootModule = planDir != null && planDir.startsWith(this.root) && !blocks(planDir).isEmpty()
                ? planDir : this.root;
    }

    /** The block of a plan resource; else the module call that holds it; empty when neither is found. */
    Optional<Location> find(PlanResource r) {
        List<String> calls = Plan.moduleCalls(r.module());
        List<String> sources = plan.moduleSources(r.module());
        Path dir = rootModule;
        Location call = null;
        for (int i = 0; i < calls.size(); i++) {
            Location here = blocks(dir).get("module." + calls.get(i));
            call = here != null ? here : call;
            String source = sources.get(i);
            if (!source.startsWith("./") && !source.startsWith("../")) {
                return Optional.ofNullable(call);
            }
            dir = dir.resolve(source).normalize();
        }
        String key = (r.data() ? "data." : "") + r.type() + "." + r.name();
        Location found = blocks(dir).get(key);
        return Optional.ofNullable(found != null ? found : call);
    }

    private Map<String, Location> blocks(Path dir) {
        return byDirectory.computeIfAbsent(dir, d -> {
            Map<String, Location> found = new HashMap<>();
            if (!Files.isDirectory(d)) {
                return found;
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    String rel = root.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = BLOCK.matcher(lines.get(i));
                        if (m.find()) {
                            String key = switch (m.group(1)) {
                                case "module" -> "module." + m.group(2);
                                case "data" -> "data." + m.group(2) + "." + m.group(3);
                                default -> m.group(2) + "." + m.group(3);
                            };
                            found.putIfAbsent(key, new Location(rel, i + 1));
                        }
                    }
                }
            } catch (IOException e) {
                // Unreadable sources only cost the precise location: results fall back to the plan file.
                return found;
            }
            return found;
        });
    }
}
