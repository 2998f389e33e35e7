package dev.bucketguard.salesforce;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The Metadata API's {@code readMetadata} (SOAP), the one read that only exists as a POST: opt-in
 * ({@code --metadata}), because Salesforce lets only users holding Modify Metadata Through Metadata API Functions make
 * it. The envelope is built here and nowhere else, and {@link GuardedHttp} lets a POST through only when its body is
 * exactly such an envelope ({@link #ENVELOPE}): one {@code readMetadata} of one type, no other operation.
 */
final class MetadataRead {
    private static final String PREFIX = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
            + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:met=\"http://soap.sforce.com/2006/04/metadata\"><soapenv:Header><met:SessionHeader>"
            + "<met:sessionId>";
    private static final String MIDDLE = "</met:sessionId></met:SessionHeader></soapenv:Header><soapenv:Body>"
            + "<met:readMetadata><met:type>";
    private static final String SUFFIX = "</met:readMetadata></soapenv:Body></soapenv:Envelope>";
    private static final String TOKEN_CHARS = "[A-Za-z0-9!._~+/=-]{1,1000}";
    private static final String NAME_CHARS = "[A-Za-z][A-Za-z0-9_.]{0,119}";

    /** The only POST body the guard lets through besides the token request: one readMetadata, nothing else. */
    static final Pattern ENVELOPE = Pattern.compile(Pattern.quote(PREFIX) + TOKEN_CHARS + Pattern.quote(MIDDLE)
            + "[A-Za-z]{1,80}" + Pattern.quote("</met:type>") + "(" + Pattern.quote("<met:fullNames>") + NAME_CHARS
            + Pattern.quote("</met:fullNames>") + "){1,10}" + Pattern.quote(SUFFIX));
    /** Where the Metadata API answers: {@code /services/Soap/m/67.0}. */
    static final Pattern PATH = Pattern.compile("/services/Soap/m/\\d{1,3}\\.\\d");

    private MetadataRead() {
    }

    /** The endpoint of the Metadata API for a version. */
    static URI endpoint(Session session, String version) {
        return session.instanceUrl().resolve("/services/Soap/m/" + version);
    }

    /** The envelope of one readMetadata; refuses a token, type or name the guard would not let through. */
    static String envelope(String token, String type, List<String> fullNames) {
        StringBuilder b = new StringBuilder(PREFIX).append(token).append(MIDDLE).append(type).append("</met:type>");
        fullNames.forEach(n -> b.append("<met:fullNames>").append(n).append("</met:fullNames>"));
        String body = b.append(SUFFIX).toString();
        if (!ENVELOPE.matcher(body).matches()) {
            throw new IllegalArgumentException("readMetadata " + type + ": a type, name or token the read-only guard"
                    + " would refuse");
        }
        return body;
    }

    /**
     * The {@code records} of a readMetadata answer, each as its child elements' text by name (the first of each
     * name); a record the org does not have comes back empty, and is left out.
     */
    static List<Map<String, String>> records(String xml) throws ApiException {
        Document doc = parse(xml);
        List<Map<String, String>> out = new ArrayList<>();
        NodeList records = doc.getElementsByTagNameNS("*", "records");
        for (int i = 0; i < records.getLength(); i++) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node c = records.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && !fields.containsKey(e.getLocalName())) {
                    fields.put(e.getLocalName(), e.getTextContent().strip());
                }
            }
            if (!fields.isEmpty()) {
                out.add(fields);
            }
        }
        return out;
    }

    /** A SOAP fault's {@code faultcode} without its prefix and its {@code faultstring}, or null when it is none. */
    static String[] fault(String xml) {
        try {
            Document doc = parse(xml);
            NodeList codes = doc.getElementsByTagNameNS("*", "faultcode");
            if (codes.getLength() == 0) {
                codes = doc.getElementsByTagName("faultcode");
            }
            if (codes.getLength() == 0) {
                return null;
            }
            String code = codes.item(0).getTextContent().strip();
            NodeList strings = doc.getElementsByTagName("faultstring");
            return new String[] {code.substring(code.indexOf(':') + 1),
                strings.getLength() == 0 ? "" : strings.item(0).getTextContent()};
        } catch (ApiException e) {
            return null;
        }
    }

    /** Parses without DTDs or external entities: the answer is data, never instructions to fetch anything. */
    private static Document parse(String xml) throws ApiException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return b.parse(new InputSource(new StringReader(xml == null ? "" : xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ApiException(0, "MALFORMED_ANSWER", "readMetadata answered something that is not SOAP XML");
        }
    }
}
