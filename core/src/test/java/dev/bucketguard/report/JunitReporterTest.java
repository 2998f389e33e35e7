package dev.bucketguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.scan.ScanReport;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {

    private static Document parse(ScanReport report) throws Exception {
        String xml = ReporterGoldenTest.render(new JunitReporter(), report);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element suite(Document doc, String name) {
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element e = (Element) suites.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no suite " + name);
    }

    private static Element testcase(Document doc, String classname, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("classname").equals(classname) && e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + classname + " " + name);
    }

    private static Element child(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        assertEquals(1, l.getLength(), tag + " under " + e.getAttribute("classname") + " " + e.getAttribute("name"));
        return (Element) l.item(0);
    }

    @Test
    void countsMatchTheFindings() throws Exception {
        Document doc = parse(ReportFixture.report());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        Element aws = suite(doc, "aws:111122223333");
        assertEquals("14", aws.getAttribute("tests"));
        // Five FAIL findings; the one accepted in the baseline passes, as it does at the gate.
        assertEquals("4", aws.getAttribute("failures"));
        assertEquals("2", aws.getAttribute("errors"));
        assertEquals("1", aws.getAttribute("skipped"));
        assertEquals(14, aws.getElementsByTagName("testcase").getLength());
        assertEquals(4, aws.getElementsByTagName("failure").getLength());
        assertEquals(2, aws.getElementsByTagName("error").getLength());
        assertEquals(1, aws.getElementsByTagName("skipped").getLength());

        assertEquals("15", root.getAttribute("tests"), "14 findings and 1 scan error");
        assertEquals("3", root.getAttribute("errors"));
        assertEquals(15, doc.getElementsByTagName("testcase").getLength());
    }

    @Test
    void eachStatusHasItsElement() throws Exception {
        Document doc = parse(ReportFixture.report());
        Element fail = child(testcase(doc, "aws:111122223333:applicants", "aws.s3.public-acl"), "failure");
        assertEquals("CRITICAL", fail.getAttribute("type"));
        assertTrue(fail.getAttribute("message").startsWith("the bucket ACL lets anyone"));
        assertTrue(fail.getTextContent().contains("- bucket ACL: AllUsers has READ"), "evidence is the text");

        Element unknown = child(testcase(doc, "aws:111122223333:payroll-exports", "aws.s3.public-policy"), "error");
        assertTrue(unknown.getAttribute("message").contains("could not be checked"));
        assertTrue(unknown.getAttribute("message").contains("s3:GetBucketPolicy"));

        Element skipped = child(testcase(doc, "aws:111122223333:applicants", "aws.s3.versioning"), "skipped");
        assertEquals("suppressed: public download mirror; history is kept in git", skipped.getAttribute("message"));

        Element pass = testcase(doc, "aws:111122223333:partner-exchange", "aws.s3.public-acl");
        assertEquals(0, pass.getChildNodes().getLength(), "a pass is a plain test case");

        Element scanError = child(testcase(doc, "azure:sub-0001", "access_denied"), "error");
        assertTrue(scanError.getAttribute("message").contains("AuthorizationFailed"));
        assertTrue(suite(doc, JunitReporter.ERROR_SUITE).getElementsByTagName("system-out").item(0)
                .getTextContent().contains("suppression expired"));
    }

    @Test
    void hostileNamesAreEscapedAndForbiddenCharactersReplacedVisibly() throws Exception {
        Document doc = parse(ReportFixture.report());
        // ESC and U+0001 cannot appear in XML 1.0 at all; everything else, newline included, survives exactly.
        String expected = "aws:111122223333:" + ReportFixture.HOSTILE_ID
                .replace("\u001B", "\\u001B").replace("\u0001", "\\u0001");
        Element hostile = testcase(doc, expected, "aws.s3.encryption-customer-key");
        Element failure = child(hostile, "failure");
        assertEquals("key \"alias/<unknown>&\" could not be classified;\nFAIL injected line <b>bold</b> & more",
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("algorithm <aws:kms> & key 'alias/x'\\u0002"));
    }

    @Test
    void anEmptyScanIsAnEmptyButValidDocument() throws Exception {
        Document doc = parse(new ScanReport("1", List.of(), List.of(), List.of(), List.of()));
        assertEquals("0", doc.getDocumentElement().getAttribute("tests"));
        assertEquals(0, doc.getElementsByTagName("testsuite").getLength());
    }

    @Test
    void xmlEscapingCoversEveryForbiddenCharacter() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&apos;f&#10;g&#9;h&#13;", Xml.attr("a&b<c>d\"e'f\ng\th\r"));
        assertEquals("\\u0000\\u000B\\uFFFE\\uD800x", Xml.text("\u0000\u000B\uFFFE\uD800x"));
        assertEquals("\uD83D\uDE00 ok", Xml.text("\uD83D\uDE00 ok"), "a surrogate pair (emoji) is kept");
    }

    @Test
    void findingsBelowTheFailOnThresholdPassWithTheirTextInSystemOut() throws Exception {
        StringWriter out = new StringWriter();
        new JunitReporter(dev.bucketguard.spi.Severity.HIGH).write(ReportFixture.report(), out);
        Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(out.toString())));
        NodeList failures = doc.getElementsByTagName("failure");
        for (int i = 0; i < failures.getLength(); i++) {
            String type = ((Element) failures.item(i)).getAttribute("type");
            assertTrue(type.equals("CRITICAL") || type.equals("HIGH"), "only findings the gate counts fail: " + type);
        }
        assertTrue(out.toString().contains("FAIL (below --fail-on high): "), out.toString());
        assertEquals(1, doc.getElementsByTagName("testsuites").getLength());
    }
}
