package dev.bucketguard.exposure;

/** Kleene three-valued logic over Boolean, null meaning "could not be read": the arithmetic of every verdict. */
public final class Tri {
    private Tri() {
    }

    public static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        if (a == null || b == null) {
            return null;
        }
        return true;
    }

    public static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        if (a == null || b == null) {
            return null;
        }
        return false;
    }

    public static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    public static boolean isTrue(Boolean a) {
        return Boolean.TRUE.equals(a);
    }

    public static boolean isFalse(Boolean a) {
        return Boolean.FALSE.equals(a);
    }
}
