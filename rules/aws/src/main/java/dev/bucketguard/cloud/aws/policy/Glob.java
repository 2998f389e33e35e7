package dev.bucketguard.cloud.aws.policy;

/**
 * IAM wildcard matching ({@code *} any run, {@code ?} one character) by simulating the pattern's positions, never by
 * regular expressions: a hostile pattern costs at most pattern length times text length steps.
 */
final class Glob {
    private Glob() {
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** True when the whole text matches the pattern. */
    static boolean matches(String pattern, String text) {
        boolean[] states = run(pattern, text);
        return states != null && states[pattern.length()];
    }

    /** True when some string that starts with {@code prefix} matches the pattern. */
    static boolean admitsPrefix(String pattern, String prefix) {
        return run(pattern, prefix) != null;
    }

    /** True when every string that starts with {@code prefix} matches the pattern. */
    static boolean coversAllWithPrefix(String pattern, String prefix) {
        boolean[] states = run(pattern, prefix);
        if (states == null) {
            return false;
        }
        for (int j = 0; j <= pattern.length(); j++) {
            if (states[j] && onlyStars(pattern, j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyStars(String pattern, int from) {
        for (int k = from; k < pattern.length(); k++) {
            if (pattern.charAt(k) != '*') {
                return false;
            }
        }
        return true;
    }

    /** The pattern positions reachable after consuming the text, or null when none is. */
    private static boolean[] run(String pattern, String text) {
        int m = pattern.length();
        boolean[] cur = new boolean[m + 1];
        cur[0] = true;
        close(pattern, cur);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean[] next = new boolean[m + 1];
            boolean any = false;
            for (int j = 0; j < m; j++) {
                if (!cur[j]) {
                    continue;
                }
                char p = pattern.charAt(j);
                if (p == '*') {
                    next[j] = true;
                    any = true;
                } else if (p == '?' || p == c) {
                    next[j + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return null;
            }
            close(pattern, next);
            cur = next;
        }
        return cur;
    }

    private static void close(String pattern, boolean[] states) {
        for (int j = 0; j < pattern.length(); j++) {
            if (states[j] && pattern.charAt(j) == '*') {
                states[j + 1] = true;
            }
        }
    }
}
