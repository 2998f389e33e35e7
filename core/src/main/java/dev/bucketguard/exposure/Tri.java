package dev.bucketguard.exposure;

/** Kleene three-valued logic over Boolean, null meaning "could not be read". */
final class Tri {
    private Tri() {
    }

    static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        if (a == null || b == null) {
            return null;
        }
        return true;
    }

    static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        if (a == null || b == null) {
            return null;
        }
        return false;
    }

    static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    static boolean isTrue(Boolean a) {
        return Boolean.TRUE.equals(a);
    }

    static boolean isFalse(Boolean a) {
        return Boolean.FALSE.equals(a);
    }
}
