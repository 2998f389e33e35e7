package dev.bucketguard.exposure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A qualifier on a verdict. The set is open: core names the qualifiers that mean the same on every cloud, and a
 * cloud adds its own (for example an access point, a shared-access-signature policy).
 *
 * @param name UPPER_SNAKE_CASE
 */
public record ExposureTag(String name) implements Comparable<ExposureTag> {
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    /** Public only to authenticated identities of any account. */
    public static final ExposureTag AUTH_USERS_ONLY = new ExposureTag("AUTH_USERS_ONLY");
    /** The resource serves a static website. */
    public static final ExposureTag WEBSITE = new ExposureTag("WEBSITE");
    /** Anyone can list the objects. */
    public static final ExposureTag LISTABLE = new ExposureTag("LISTABLE");
    /** Public through a conditional grant: public for what the condition matches. */
    public static final ExposureTag CONDITIONAL = new ExposureTag("CONDITIONAL");
    /** Single objects are public through their ACLs. */
    public static final ExposureTag OBJECT_PUBLIC = new ExposureTag("OBJECT_PUBLIC");
    /** ACLs are in force and nothing ignores public ones: single objects may be public. */
    public static final ExposureTag OBJECT_ACLS_MAY_BE_PUBLIC = new ExposureTag("OBJECT_ACLS_MAY_BE_PUBLIC");
    /** Access is open to anyone on some networks only (a firewall, a source-address condition). */
    public static final ExposureTag NETWORK_SCOPED = new ExposureTag("NETWORK_SCOPED");
    /** Plain HTTP is accepted. */
    public static final ExposureTag HTTP_ALLOWED = new ExposureTag("HTTP_ALLOWED");
    /** TLS older than 1.2 is accepted. */
    public static final ExposureTag TLS_LT_1_2 = new ExposureTag("TLS_LT_1_2");

    @JsonCreator
    public ExposureTag {
        if (name == null || !UPPER_SNAKE.matcher(name).matches()) {
            throw new IllegalArgumentException("exposure tag '" + name + "' is not UPPER_SNAKE_CASE");
        }
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public int compareTo(ExposureTag o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
