package dev.bucketguard.cloud.aws;

import dev.bucketguard.cloud.aws.AdvancedEventSelector.FieldSelector;
import java.util.Locale;

/**
 * Whether a trail's selectors record object reads ({@code GetObject} data events on {@code AWS::S3::Object}) of
 * every object of one bucket: ALL, SOME (a prefix or another filter leaves reads of other objects unrecorded) or
 * NONE. Anything this class does not understand counts as SOME, never as ALL: a read that might not be recorded is
 * not taken as recorded.
 */
public final class ObjectReadCoverage {

    /** How much of a bucket's object reads a selector records. */
    public enum Coverage {
        NONE, SOME, ALL;

        Coverage and(Coverage o) {
            return values()[Math.min(ordinal(), o.ordinal())];
        }

        Coverage or(Coverage o) {
            return values()[Math.max(ordinal(), o.ordinal())];
        }
    }

    /** What a trail records of one bucket's object reads, and the sentence that says why. */
    public record Answer(Coverage coverage, String why) {
    }

    private static final String OBJECT = "AWS::S3::Object";
    private static final String READ_EVENT = "GetObject";

    private ObjectReadCoverage() {
    }

    /** What the selectors of {@code trail} record of the object reads of {@code bucket}; null when not read. */
    public static Answer of(Trail trail, String bucket) {
        String objects = "arn:aws:s3:::" + bucket + "/";
        if (trail.advancedEventSelectors() != null && !trail.advancedEventSelectors().isEmpty()) {
            Coverage c = Coverage.NONE;
            for (AdvancedEventSelector s : trail.advancedEventSelectors()) {
                c = c.or(advanced(s, objects));
            }
            return new Answer(c, explain(c, "its advanced event selectors"));
        }
        if (trail.eventSelectors() == null) {
            return null;
        }
        Coverage c = Coverage.NONE;
        boolean writesOnly = false;
        for (EventSelector s : trail.eventSelectors()) {
            Coverage onBucket = Coverage.NONE;
            for (EventSelector.DataResource r : s.dataResources()) {
                if (OBJECT.equals(r.type())) {
                    for (String v : r.values()) {
                        onBucket = onBucket.or(arnValue(v, objects));
                    }
                }
            }
            if ("WriteOnly".equals(s.readWriteType())) {
                writesOnly |= onBucket != Coverage.NONE;
            } else {
                c = c.or(onBucket);
            }
        }
        if (c == Coverage.NONE && writesOnly) {
            return new Answer(c, "its event selector on this bucket records writes only (WriteOnly)");
        }
        return new Answer(c, explain(c, "its event selectors"));
    }

    private static String explain(Coverage c, String what) {
        return switch (c) {
            case ALL -> what + " record GetObject on every object of this bucket";
            case SOME -> what + " record GetObject on some objects of this bucket only (a prefix or another filter)";
            case NONE -> what + " do not record GetObject on this bucket";
        };
    }

    /** A basic selector's value: every bucket, this bucket, a prefix of it, or something else. */
    private static Coverage arnValue(String value, String objects) {
        String v = value.toLowerCase(Locale.ROOT).equals("arn:aws:s3") ? "arn:aws:s3:::" : value;
        if (objects.startsWith(v) && (v.equals("arn:aws:s3:::") || v.equals(objects)
                || v.equals(objects.substring(0, objects.length() - 1)))) {
            return Coverage.ALL;
        }
        return v.startsWith(objects) ? Coverage.SOME : Coverage.NONE;
    }

    /** Every field selector must hold; a selector without eventCategory Data records no data events. */
    private static Coverage advanced(AdvancedEventSelector s, String objects) {
        boolean data = false;
        boolean objectType = false;
        Coverage c = Coverage.ALL;
        for (FieldSelector f : s.fieldSelectors()) {
            switch (f.field()) {
                case "eventCategory" -> {
                    data = concrete(f, "Data");
                    c = c.and(data ? Coverage.ALL : Coverage.NONE);
                }
                case "resources.type" -> {
                    objectType = concrete(f, OBJECT);
                    c = c.and(objectType ? Coverage.ALL : Coverage.NONE);
                }
                case "readOnly" -> c = c.and(concrete(f, "true") ? Coverage.ALL : Coverage.NONE);
                case "eventName" -> c = c.and(concrete(f, READ_EVENT) ? Coverage.ALL : Coverage.NONE);
                case "eventSource" -> c = c.and(concrete(f, "s3.amazonaws.com") ? Coverage.ALL : Coverage.NONE);
                case "resources.ARN" -> c = c.and(arn(f, objects));
                default -> c = c.and(Coverage.SOME);
            }
        }
        return data && objectType ? c : Coverage.NONE;
    }

    /** Whether the field's conditions hold for one known value. */
    private static boolean concrete(FieldSelector f, String value) {
        return (f.equals().isEmpty() || f.equals().contains(value))
                && (f.startsWith().isEmpty() || f.startsWith().stream().anyMatch(value::startsWith))
                && (f.endsWith().isEmpty() || f.endsWith().stream().anyMatch(value::endsWith))
                && !f.notEquals().contains(value)
                && f.notStartsWith().stream().noneMatch(value::startsWith)
                && f.notEndsWith().stream().noneMatch(value::endsWith);
    }

    /** The ARN conditions over every object ARN of the bucket ({@code objects} + any key). */
    private static Coverage arn(FieldSelector f, String objects) {
        Coverage c = Coverage.ALL;
        if (!f.equals().isEmpty()) {
            // An exact ARN names one object (or the bucket itself, which is not an object read).
            c = c.and(f.equals().stream().anyMatch(v -> v.startsWith(objects) && v.length() > objects.length())
                    ? Coverage.SOME : Coverage.NONE);
        }
        if (!f.startsWith().isEmpty()) {
            Coverage any = Coverage.NONE;
            for (String p : f.startsWith()) {
                any = any.or(objects.startsWith(p) ? Coverage.ALL : p.startsWith(objects) ? Coverage.SOME
                        : Coverage.NONE);
            }
            c = c.and(any);
        }
        if (!f.endsWith().isEmpty()) {
            c = c.and(Coverage.SOME);
        }
        for (String p : f.notStartsWith()) {
            c = c.and(objects.startsWith(p) ? Coverage.NONE : p.startsWith(objects) ? Coverage.SOME : Coverage.ALL);
        }
        for (String v : f.notEquals()) {
            c = c.and(v.startsWith(objects) ? Coverage.SOME : Coverage.ALL);
        }
        if (!f.notEndsWith().isEmpty()) {
            c = c.and(Coverage.SOME);
        }
        return c;
    }
}
