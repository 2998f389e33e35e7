package dev.bucketguard.cloud.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a field holds personal data (SALESFORCE.md 4, severity raise): its classification first
 * ({@code SecurityClassification} Confidential or above, or any {@code ComplianceGroup}; a field classified
 * {@code Public} or {@code Internal} is not personal), and only for an unclassified field (or one whose classification
 * was not read) its name: birth date, phone, e-mail, address, employer, PIN, a person's name, and {@code Name} on
 * person objects (Contact, Lead, User, person accounts).
 */
public final class PersonalData {
    /** Classifications at or above Confidential. */
    public static final Set<String> SENSITIVE = Set.of("Confidential", "Restricted", "MissionCritical");
    /** Objects whose records are people. */
    public static final Set<String> PERSON_OBJECTS = Set.of("Contact", "Lead", "User", "PersonAccount");

    private PersonalData() {
    }

    /** Why the field is personal ("classified Confidential", "named like a birth date"), or null when it is not. */
    public static String why(FieldAccess f) {
        FieldClassification c = f.classification();
        if (c != null && !c.unclassified()) {
            if (!c.complianceGroups().isEmpty()) {
                return "compliance group " + String.join(", ", c.complianceGroups());
            }
            return SENSITIVE.contains(c.securityClassification())
                    ? "classified " + c.securityClassification() : null;
        }
        return byName(f.object(), f.field());
    }

    /** The fields of {@code fields} that are personal, as "BirthDate__c (classified Confidential)", in order. */
    public static List<String> describe(List<FieldAccess> fields) {
        List<String> out = new ArrayList<>();
        for (FieldAccess f : fields) {
            String why = why(f);
            if (why != null) {
                out.add(f.field() + " (" + why + ")");
            }
        }
        return out;
    }

    /** The name heuristic alone: "named like a phone number", or null. */
    static String byName(String object, String field) {
        List<String> t = tokens(field);
        if (t.contains("birthdate") || t.contains("dob") || t.contains("birthday")
                || (t.contains("birth") && (t.contains("date") || t.contains("day")))) {
            return "named like a birth date";
        }
        if (t.contains("phone") || t.contains("mobilephone") || t.contains("homephone") || t.contains("mobile")) {
            return "named like a phone number";
        }
        if (t.contains("email") || (t.contains("e") && t.contains("mail"))) {
            return "named like an e-mail address";
        }
        if (t.contains("address") || t.contains("street") || t.contains("postalcode") || t.contains("zip")
                || (t.contains("postal") && t.contains("code"))) {
            return "named like an address";
        }
        if (t.contains("employer")) {
            return "named like an employer";
        }
        if (t.contains("pin")) {
            return "named like a PIN";
        }
        boolean nameField = t.contains("name") || t.contains("firstname") || t.contains("lastname");
        if (nameField && (t.contains("first") || t.contains("last") || t.contains("full") || t.contains("middle")
                || t.contains("firstname") || t.contains("lastname"))) {
            return "named like a person's name";
        }
        if (nameField && (PERSON_OBJECTS.contains(object) || (object.equals("Account") && t.contains("person")))) {
            return "the name of a person (" + object + ")";
        }
        return null;
    }

    /** "BirthDate__c" → [birth, date]; "Mailing_Street__c" → [mailing, street]; "PIN__c" → [pin]. */
    static List<String> tokens(String field) {
        String base = field.endsWith("__c") ? field.substring(0, field.length() - 3) : field;
        int ns = base.indexOf("__");
        if (ns >= 0) {
            base = base.substring(ns + 2);
        }
        List<String> out = new ArrayList<>();
        for (String part : base.split("[_\\s.-]+")) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < part.length(); i++) {
                char ch = part.charAt(i);
                boolean boundary = i > 0 && Character.isUpperCase(ch)
                        && (Character.isLowerCase(part.charAt(i - 1))
                        || (i + 1 < part.length() && Character.isLowerCase(part.charAt(i + 1))));
                if (boundary && word.length() > 0) {
                    out.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
                word.append(ch);
            }
            if (word.length() > 0) {
                out.add(word.toString().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
