package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * The linear wrap gives exactly the lines of the earlier, quadratic one (kept here as the reference), so the text
 * report's bytes did not change when it became linear.
 */
class WrapProperties {

    /** The earlier implementation: correct, but it copied the rest of the line at every row. */
    private static List<String> reference(String line, String indent) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > TextReporter.WIDTH) {
            int cut = rest.lastIndexOf(' ', TextReporter.WIDTH);
            if (cut <= indent.length()) {
                cut = TextReporter.WIDTH;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    @Property(tries = 2000)
    void sameLinesAsTheReference(@ForAll @StringLength(max = 600) @Chars({' ', ' ', ' ', '\t', 'x', '-'})
                                 @CharRange(from = 'a', to = 'c') String line,
                                 @ForAll("indents") String indent) {
        assertEquals(reference(line, indent), TextReporter.wrap(line, indent));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> indents() {
        return net.jqwik.api.Arbitraries.of("", "  ", "    ", "          ");
    }
}
