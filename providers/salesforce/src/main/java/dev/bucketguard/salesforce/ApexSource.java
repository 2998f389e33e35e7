package dev.bucketguard.salesforce;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text scan of an Apex class body tells about its reach for a guest: the entry points a guest can call
 * ({@code @AuraEnabled}, {@code @RestResource}, {@code webservice}, {@code @InvocableMethod}), the sharing keyword of
 * the top-level class, the objects its static SOQL names ({@code [SELECT ... FROM X]}), whether it builds queries at
 * run time ({@code Database.query}, {@code Database.queryWithBinds}, {@code Database.getQueryLocator} with a
 * string, {@code Search.query}: the object is then not in the text), and whether it opts into user mode. Comments and
 * string literals are removed first, so a commented-out annotation counts for nothing.
 *
 * @param entryPoints  the exposed entry-point markers found, in lower case ({@code @auraenabled}, ...), sorted
 * @param sharing      {@code with}, {@code without} or {@code inherited}; null when the class declares none
 * @param objects      the objects named after FROM in static SOQL, as written, sorted
 * @param dynamicSoql  true when a query is built at run time
 * @param userMode     true when the code uses {@code WITH USER_MODE} or {@code AccessLevel.USER_MODE}
 */
record ApexSource(Set<String> entryPoints, String sharing, Set<String> objects, boolean dynamicSoql,
                  boolean userMode) {
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    private static final Pattern STRING = Pattern.compile("'(?:\\\\.|[^'\\\\\\n])*'");
    private static final Pattern ENTRY = Pattern.compile(
            "(@AuraEnabled|@RestResource|@InvocableMethod|\\bwebservice\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARING = Pattern.compile(
            "\\b(with|without|inherited)\\s+sharing\\s+(?:(?:virtual|abstract|global|public|private)\\s+)*class\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOQL = Pattern.compile("\\[\\s*SELECT\\b[^\\]]*?\\bFROM\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DYNAMIC = Pattern.compile(
            "\\b(Database\\s*\\.\\s*(query|queryWithBinds|getQueryLocator|getQueryLocatorWithBinds|countQuery)"
                    + "|Search\\s*\\.\\s*query)\\s*\\(\\s*(?!\\[)", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_MODE = Pattern.compile("\\b(WITH\\s+USER_MODE|AccessLevel\\s*\\.\\s*USER_MODE)",
            Pattern.CASE_INSENSITIVE);

    ApexSource {
        entryPoints = Collections.unmodifiableSet(new TreeSet<>(entryPoints));
        objects = Collections.unmodifiableSet(new TreeSet<>(objects));
    }

    static ApexSource scan(String body) {
        String code = STRING.matcher(LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(body).replaceAll(" "))
                .replaceAll(" ")).replaceAll("''");
        Set<String> entries = new TreeSet<>();
        Matcher e = ENTRY.matcher(code);
        while (e.find()) {
            entries.add(e.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher s = SHARING.matcher(code);
        String sharing = s.find() ? s.group(1).toLowerCase(Locale.ROOT) : null;
        Set<String> objects = new TreeSet<>();
        Matcher q = SOQL.matcher(code);
        while (q.find()) {
            objects.add(q.group(1));
        }
        return new ApexSource(entries, sharing, objects, DYNAMIC.matcher(code).find(),
                USER_MODE.matcher(code).find());
    }
}
