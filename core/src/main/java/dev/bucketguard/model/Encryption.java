package dev.bucketguard.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Encryption at rest.
 *
 * @param state                          who holds the key
 * @param encrypted                      true when data is known to be encrypted even if the key manager is unknown
 *                                       (SEMANTICS "ENCRYPTED(unknown-key)"); null when not known
 * @param algorithm                      as the cloud names it: AES256, aws:kms, aws:kms:dsse, Microsoft.Keyvault…
 * @param keyId                          the key id or ARN, where there is one
 * @param legacyObjectsMayBeUnencrypted  S3: no default rule, so objects written before 2023-01-05 may be unencrypted
 * @param doubleEncrypted                Azure infrastructure encryption
 */
public record Encryption(
        EncryptionState state,
        Boolean encrypted,
        String algorithm,
        String keyId,
        boolean legacyObjectsMayBeUnencrypted,
        boolean doubleEncrypted) {

    public Encryption {
        Objects.requireNonNull(state, "missing required field 'state'");
        if (state == EncryptionState.PROVIDER_MANAGED || state == EncryptionState.CUSTOMER_MANAGED) {
            encrypted = Boolean.TRUE;
        } else if (state == EncryptionState.NONE) {
            encrypted = Boolean.FALSE;
        }
    }

    /**
     * The snapshot reader's way in: the two flags are optional there and default to false (they only ever add a
     * warning), while every other component keeps its strict reading.
     */
    @JsonCreator
    static Encryption read(@JsonProperty("state") EncryptionState state,
            @JsonProperty("encrypted") Boolean encrypted,
            @JsonProperty("algorithm") String algorithm,
            @JsonProperty("keyId") String keyId,
            @JsonProperty("legacyObjectsMayBeUnencrypted") Boolean legacyObjectsMayBeUnencrypted,
            @JsonProperty("doubleEncrypted") Boolean doubleEncrypted) {
        return new Encryption(state, encrypted, algorithm, keyId, Boolean.TRUE.equals(legacyObjectsMayBeUnencrypted),
                Boolean.TRUE.equals(doubleEncrypted));
    }

    public static Encryption providerManaged(String algorithm) {
        return new Encryption(EncryptionState.PROVIDER_MANAGED, true, algorithm, null, false, false);
    }

    public static Encryption customerManaged(String algorithm, String keyId) {
        return new Encryption(EncryptionState.CUSTOMER_MANAGED, true, algorithm, keyId, false, false);
    }
}
