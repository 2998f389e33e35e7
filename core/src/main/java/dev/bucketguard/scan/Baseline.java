package dev.bucketguard.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The failing findings of an earlier JSON report. With a baseline, only new failing findings gate: a finding is
 * "the same" when its rule id and resource reference ({@code provider:account:id}) match.
 */
public final class Baseline {
    public static final Baseline EMPTY = new Baseline(Set.of());

    private final Set<String> failing;

    private Baseline(Set<String> failing) {
        this.failing = Set.copyOf(failing);
    }

    public static Baseline of(Set<String> keys) {
        return new Baseline(keys);
    }

    static String key(String ruleId, String ref) {
        return ruleId + "|" + ref;
    }

    public boolean contains(String ruleId, String ref) {
        return failing.contains(key(ruleId, ref));
    }

    public int size() {
        return failing.size();
    }

    public static Baseline load(Path path) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(path));
            if (root == null || !root.path("formatVersion").isTextual() || !root.path("resources").isArray()) {
                throw new InputException(path + ": not a bucketguard JSON report (needs formatVersion and resources)");
            }
            String major = root.get("formatVersion").asText().split("\\.")[0];
            String ours = ScanReport.FORMAT_VERSION.split("\\.")[0];
            if (!major.equals(ours)) {
                throw new InputException(path + ": report format " + root.get("formatVersion").asText()
                        + " is not supported (this version reads " + ours + ".x)");
            }
            Set<String> keys = new HashSet<>();
            int i = 0;
            for (JsonNode r : root.get("resources")) {
                String ref = text(path, r, "provider", i) + ":" + text(path, r, "account", i) + ":"
                        + text(path, r, "id", i);
                for (JsonNode f : r.path("findings")) {
                    String status = f.path("status").asText();
                    // A suppressed finding was accepted by its suppression, not by the baseline: counting it here
                    // would keep it from gating once that suppression expires.
                    if (status.equals("FAIL")) {
                        keys.add(key(f.path("ruleId").asText(), ref));
                    }
                }
                i++;
            }
            return new Baseline(keys);
        } catch (JsonProcessingException e) {
            throw JsonInput.error(path, e);
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": no such file");
        } catch (IOException e) {
            throw new InputException(path + ": cannot read: " + dev.bucketguard.provider.IoErrors.describe(e));
        }
    }

    private static String text(Path path, JsonNode r, String field, int i) {
        JsonNode v = r.get(field);
        if (v == null || !v.isTextual()) {
            throw new InputException(path + " at $.resources[" + i + "]." + field + ": missing");
        }
        return v.asText();
    }
}
