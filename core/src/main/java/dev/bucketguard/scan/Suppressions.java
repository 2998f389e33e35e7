package dev.bucketguard.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a suppressions file (YAML, or JSON, which is YAML too):
 *
 * <pre>
 * suppressions:
 *   - rule: aws.s3.versioning
 *     resource: "aws:111122223333:app-logs"
 *     reason: "access logs only; history is kept by the log pipeline"
 *     expires: 2027-06-30
 * </pre>
 */
public final class Suppressions {
    private Suppressions() {
    }

    private record File(@JsonProperty(value = "suppressions", required = true) List<Entry> suppressions) {
    }

    private record Entry(@JsonProperty(value = "rule", required = true) String rule,
                         @JsonProperty(value = "resource", required = true) String resource,
                         @JsonProperty(value = "reason", required = true) String reason,
                         @JsonProperty("expires") LocalDate expires) {
    }

    /**
     * As {@link #load(Path)}, and every suppression must name a rule of {@code rules} (or {@code *}): a suppression
     * for a rule id that does not exist suppresses nothing, which is a typo to report, not to ignore.
     */
    public static List<Suppression> load(Path path, RuleSet rules) {
        List<Suppression> out = load(path);
        for (int i = 0; i < out.size(); i++) {
            String rule = out.get(i).rule();
            if (!rule.equals("*") && rules.metadata().stream().noneMatch(m -> m.id().equals(rule))) {
                throw new InputException(path + " at $.suppressions[" + i + "].rule: no rule has the id '" + rule
                        + "' (see 'bucketguard rules list')");
            }
        }
        return out;
    }

    public static List<Suppression> load(Path path) {
        // Required fields are checked on the records and by Suppression itself; failing on every missing or null
        // creator property would make the optional 'expires' required too.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            byte[] bytes = Files.readAllBytes(path);
            File file = yaml.readValue(bytes, File.class);
            if (file == null || file.suppressions() == null) {
                throw new InputException(path + " at $.suppressions: missing (needs a list of suppressions)");
            }
            List<Suppression> out = new ArrayList<>();
            int i = 0;
            for (Entry e : file.suppressions()) {
                if (e == null) {
                    throw new InputException(path + " at $.suppressions[" + i + "]: empty entry (needs rule,"
                            + " resource and reason)");
                }
                try {
                    out.add(new Suppression(e.rule(), e.resource(), e.reason(), e.expires()));
                } catch (IllegalArgumentException bad) {
                    throw new InputException(path + " at $.suppressions[" + i + "]: " + bad.getMessage());
                }
                i++;
            }
            return List.copyOf(out);
        } catch (ValueInstantiationException e) {
            throw JsonInput.error(path, e);
        } catch (JsonProcessingException e) {
            throw JsonInput.error(path, e);
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": no such file");
        } catch (IOException e) {
            throw new InputException(path + ": cannot read: " + dev.bucketguard.provider.IoErrors.describe(e));
        }
    }
}
