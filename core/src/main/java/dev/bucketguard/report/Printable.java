package dev.bucketguard.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes names and messages from the cloud safe to print. A bucket name or policy text is input from whoever can
 * create a resource: a newline in it would forge report lines, an escape or bell character could drive the
 * terminal, and a bidirectional override (U+202E, U+2066) could make a line read other than it is. Every place a
 * person reads (the text report, stderr) prints through {@link #oneLine(String)}. {@link #wrap} breaks such a line
 * to a width, in time linear in its length.
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

    /**
     * Breaks a line at spaces so that no piece is wider than {@code width}; continuation lines start with
     * {@code indent}. A word wider than the room left is cut, since a line past the edge would wrap unindented.
     */
    public static List<String> wrap(String line, String indent, int width) {
        if (width <= indent.length()) {
            throw new IllegalArgumentException("width " + width + " leaves no room after an indent of "
                    + indent.length());
        }
        // Linear in the line's length: an index walks the line, and no search looks further back than one row,
        // so a 2-million-character id or a reason with 60,000 conditions costs what its length costs.
        List<String> out = new ArrayList<>();
        int n = line.length();
        int pos = 0;
        String prefix = "";
        while (prefix.length() + (n - pos) > width) {
            int room = width - prefix.length();
            int lowest = pos + Math.max(0, indent.length() - prefix.length());
            int cut = -1;
            for (int i = Math.min(n - 1, pos + room); i > lowest; i--) {
                if (line.charAt(i) == ' ') {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                cut = pos + room;
            }
            out.add((prefix + line.substring(pos, cut)).stripTrailing());
            pos = cut;
            while (pos < n && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            prefix = indent;
        }
        out.add(prefix + line.substring(pos));
        return out;
    }
}
