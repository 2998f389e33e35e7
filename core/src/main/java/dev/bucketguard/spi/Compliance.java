package dev.bucketguard.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One compliance framework's mapping from its requirements to rule ids, kept outside the rules (a file per framework),
 * so that a new framework version never touches rule code.
 *
 * <pre>{@code
 * framework: CIS Amazon Web Services Foundations Benchmark
 * version: 3.0.0
 * requirements:
 *   "2.1.4": [aws.s3.public-acl, aws.s3.bucket-block-public-access]
 * }</pre>
 *
 * @param framework    the framework's name
 * @param version      its version
 * @param requirements requirement id to the rule ids that check it, sorted by requirement
 */
public record Compliance(String framework, String version, Map<String, List<String>> requirements) {
    public Compliance {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(version, "version");
        Map<String, List<String>> copy = new TreeMap<>();
        requirements.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        requirements = java.util.Collections.unmodifiableMap(copy);
    }

    /** "CIS Amazon Web Services Foundations Benchmark v3.0.0 2.1.4" for each requirement the rule checks. */
    public List<String> referencesFor(String ruleId) {
        List<String> out = new ArrayList<>();
        requirements.forEach((req, rules) -> {
            if (rules.contains(ruleId)) {
                out.add(framework + " v" + version + " " + req);
            }
        });
        return out;
    }

    /** Reads a mapping file from the class path, relative to {@code anchor}'s package. */
    public static Compliance load(Class<?> anchor, String resource) {
        try {
            Map<String, Object> root = YamlTree.read(anchor, resource);
            if (root == null) {
                throw new IllegalStateException("compliance mapping " + resource + " is not beside "
                        + anchor.getName());
            }
            Map<String, List<String>> reqs = new TreeMap<>();
            Map<String, Object> requirements = YamlTree.map(root, "requirements");
            requirements.keySet().forEach(req -> reqs.put(req, YamlTree.strings(requirements, req)));
            return new Compliance(YamlTree.text(root, "framework"), YamlTree.text(root, "version"), reqs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read compliance mapping " + resource + ": " + e.getMessage(), e);
        }
    }
}
