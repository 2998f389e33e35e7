package dev.bucketguard.cloud.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which field names count as personal data when a field is unclassified. */
class PersonalDataTest {

    private static String why(String object, String field) {
        return PersonalData.why(new FieldAccess(object, field, true, false, List.of(), null));
    }

    @Test
    void theNamesOfTheBankCaseArePersonal() {
        assertEquals("named like a birth date", why("Applicant__c", "Birthdate"));
        assertEquals("named like a birth date", why("Account", "PersonBirthdate"));
        assertEquals("named like a phone number", why("Applicant__c", "MobilePhone__c"));
        assertEquals("named like an e-mail address", why("Applicant__c", "EMail__c"));
        assertEquals("named like an address", why("Contact", "MailingStreet"));
        assertEquals("named like an employer", why("Applicant__c", "Employer_Name__c"));
        assertEquals("named like a PIN", why("Applicant__c", "Card_PIN__c"));
        assertEquals("named like a person's name", why("Applicant__c", "LastName__c"));
    }

    @Test
    void nameIsPersonalOnPersonObjectsOnly() {
        assertEquals("the name of a person (Contact)", why("Contact", "Name"));
        assertNull(why("Product2", "Name"));
    }

    @Test
    void wordsThatMerelyContainAKeywordAreNot() {
        assertNull(why("Order", "ShippingMethod__c"));
        assertNull(why("Applicant__c", "Spinner__c"));
        assertNull(why("Applicant__c", "Status__c"));
    }
}
