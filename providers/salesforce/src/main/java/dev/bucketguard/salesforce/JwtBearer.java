package dev.bucketguard.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bucketguard.provider.IoErrors;
import dev.bucketguard.provider.ProviderException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth 2.0 JWT bearer flow: a JWT (iss = the connected app's client id, sub = the user, aud = the login URL,
 * three minutes to live) signed RS256 with java.security, exchanged at {@code LOGIN/services/oauth2/token} for an
 * access token and the org's instance URL. The key is read from a PEM file (PKCS#8 {@code PRIVATE KEY} or PKCS#1
 * {@code RSA PRIVATE KEY}); neither the key nor the token is ever part of a message.
 */
final class JwtBearer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JwtBearer() {
    }

    static Session login(GuardedHttp http, String clientId, Path keyFile, String username, URI loginUrl,
                         Clock clock) {
        PrivateKey key = readKey(keyFile);
        String assertion = sign(key, clientId, username, loginUrl.toString(), clock.instant().getEpochSecond() + 180);
        String form = GuardedHttp.JWT_GRANT + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        JsonNode answer;
        try {
            answer = http.exchange("POST", loginUrl.resolve(GuardedHttp.TOKEN_PATH), null, form, "oauth2 token");
        } catch (ApiException e) {
            throw new ProviderException("JWT bearer login at " + loginUrl + " as " + username + " refused: "
                    + e.getMessage(), e.status() == 400 || e.status() == 401);
        } catch (IOException e) {
            throw new ProviderException("JWT bearer login at " + loginUrl + " failed: " + e.getMessage(), false);
        }
        String token = answer.path("access_token").asText("");
        String instance = answer.path("instance_url").asText("");
        if (token.isEmpty() || instance.isEmpty()) {
            throw new ProviderException("JWT bearer login at " + loginUrl + " answered no access_token and"
                    + " instance_url", false);
        }
        http.secret(token);
        try {
            return new Session(Endpoints.instance(instance), token);
        } catch (IllegalArgumentException e) {
            throw new ProviderException("JWT bearer login at " + loginUrl + " named an instance_url that cannot be"
                    + " used: " + e.getMessage(), false);
        }
    }

    /** {@code base64url(header).base64url(claims).base64url(RS256 signature)}. */
    static String sign(PrivateKey key, String clientId, String username, String audience, long expires) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256");
        ObjectNode claims = JSON.createObjectNode().put("iss", clientId).put("sub", username).put("aud", audience)
                .put("exp", expires);
        String signingInput = URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new ProviderException("--jwt-key-file: the key cannot sign RS256 (" + e.getClass().getSimpleName()
                    + ")", true);
        }
    }

    static PrivateKey readKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ProviderException("--jwt-key-file " + file + ": cannot read: " + IoErrors.describe(e), true);
        }
        Matcher m = PEM.matcher(text);
        if (!m.find()) {
            throw new ProviderException("--jwt-key-file " + file + ": not a PEM RSA private key (BEGIN PRIVATE KEY"
                    + " or BEGIN RSA PRIVATE KEY); an encrypted key must be decrypted first", true);
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1) != null) {
                der = pkcs8(der);
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ProviderException("--jwt-key-file " + file + ": not a readable RSA private key", true);
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, no parameters). */
    static byte[] pkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return tlv(0x30, body);
    }

    private static byte[] tlv(int tag, byte[] value) {
        byte[] length;
        if (value.length < 128) {
            length = new byte[] {(byte) value.length};
        } else {
            byte[] n = BigInteger.valueOf(value.length).toByteArray();
            int start = n[0] == 0 ? 1 : 0;
            length = new byte[n.length - start + 1];
            length[0] = (byte) (0x80 | (n.length - start));
            System.arraycopy(n, start, length, 1, n.length - start);
        }
        byte[] out = new byte[1 + length.length + value.length];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(value, 0, out, 1 + length.length, value.length);
        return out;
    }
}
