package dev.bucketguard.report;

/**
 * Makes names and messages from the cloud safe to print. A bucket name or policy text is input from whoever can
 * create a resource: a newline in it would forge report lines, and an escape character could drive the terminal.
 */
final class Printable {
    private Printable() {
    }

    /** The text on one line, with every control character shown as an escape ({@code \n}, {@code \u001B}). */
    static String oneLine(String s) {
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
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
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
