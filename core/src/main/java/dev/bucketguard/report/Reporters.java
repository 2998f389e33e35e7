package dev.bucketguard.report;

import dev.bucketguard.scan.InputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The built-in report formats, found by name. */
public enum Reporters {
    TEXT,
    JSON,
    SARIF,
    JUNIT;

    /** The name {@code --format} takes. */
    public String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Reporter create(ReporterOptions options) {
        return switch (this) {
            case TEXT -> new TextReporter(options.colour(), options.verbose());
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter(options.artifactUri());
            case JUNIT -> new JunitReporter(options.failOn());
        };
    }

    /** Every format name, in a stable order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Reporters::formatName).toList();
    }

    /**
     * The reporter for a format name.
     *
     * @throws InputException for a name that is no format, listing the ones that are
     */
    public static Reporter byName(String name, ReporterOptions options) {
        for (Reporters r : values()) {
            if (r.formatName().equals(name)) {
                return r.create(options);
            }
        }
        throw new InputException("unknown report format '" + name + "' (one of " + String.join(", ", names()) + ")");
    }

    public static Reporter byName(String name) {
        return byName(name, ReporterOptions.DEFAULTS);
    }
}
