package dev.bucketguard.cli;

import dev.bucketguard.exposure.TrustZone;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked where picocli reads them, so that a bad value is a usage error (exit 2) naming the option,
 * before any command runs. The library's own argument checks are then never reached from the command line.
 */
final class Converters {
    private Converters() {
    }

    /** An http or https URL with a host. */
    static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a URL");
            }
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new TypeConversionException("'" + value + "' is not an http(s) URL");
            }
            return uri;
        }
    }

    /** An id that names something: not empty, no spaces around it. */
    static final class Id implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            if (v.isEmpty()) {
                throw new TypeConversionException("an empty id names nothing; give at least one id");
            }
            return v;
        }
    }

    /** An AWS account id: twelve digits. */
    static final class AwsAccountId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            if (!v.matches("\\d{12}")) {
                throw new TypeConversionException("'" + Environment.oneLine(v) + "' is not an AWS account id (12"
                        + " digits)");
            }
            return v;
        }
    }

    /** A trusted network: an IP range in CIDR notation (or one address), or a network id such as vpc-... */
    static final class Network implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = new Id().convert(value);
            try {
                new TrustZone(Set.of(), Set.of(), Set.of(v));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return v;
        }
    }

    /** A whole number, 0 or more. */
    static final class NonNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(0, value);
        }
    }

    /** A whole number, 1 or more. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(1, value);
        }
    }

    private static int atLeast(int min, String value) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (n < min) {
            throw new TypeConversionException("'" + value + "' must be " + min + " or more");
        }
        return n;
    }
}
