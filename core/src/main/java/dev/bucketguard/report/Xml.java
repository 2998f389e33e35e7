package dev.bucketguard.report;

import java.util.Locale;

/**
 * XML 1.0 escaping for names and messages that come from the cloud. Characters XML 1.0 cannot carry at all (most
 * C0 controls, lone surrogates, U+FFFE/U+FFFF) are written as a visible {@code \}{@code uXXXX} instead, so that a
 * hostile bucket name can neither break the document nor vanish silently.
 */
final class Xml {
    private Xml() {
    }

    static String attr(String s) {
        return escape(s, true);
    }

    static String text(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\'' -> b.append(attribute ? "&apos;" : "'");
                // Attribute values are normalised by parsers: a raw newline or tab would come back as a space.
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (allowed(c)) {
                        b.append(c);
                    } else {
                        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    }
                }
            }
        }
        return b.toString();
    }

    /** XML 1.0's Char production, for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowed(char c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
