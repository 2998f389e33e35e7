package dev.bucketguard.report;

/**
 * Makes names and messages from the cloud safe to print. A bucket name or policy text is input from whoever can
 * create a resource: a newline in it would forge report lines, an escape or bell character could drive the
 * terminal, and a bidirectional override (U+202E, U+2066) could make a line read other than it is. Every place a
 * person reads (the text report, stderr) prints through {@link #oneLine(String)}.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * The text on one line, with every control character, line or paragraph separator and invisible formatting
     * character (bidirectional overrides and isolates, zero-width characters) shown as an escape ({@code \n},
     * {@code \u001B}, {@code \u202E}).
     */
    public static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                            || Character.getType(c) == Character.FORMAT) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
