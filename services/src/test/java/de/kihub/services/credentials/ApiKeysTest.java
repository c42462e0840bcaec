package de.kihub.services.credentials;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeysTest {
    private static final ApiKeys KEYS = new ApiKeys();
    private static final ApiKeys.NewKey ISSUED = KEYS.newKey();

    @Test
    void issuedKeyIsPrefixHexKeyIdAndBase64UrlSecret() {
        assertTrue(ISSUED.key().matches("kihub_[0-9a-f]{32}_[A-Za-z0-9_-]{43}"), "key format");
        assertEquals(ApiKeys.KEY_LENGTH, ISSUED.key().length());
        assertEquals("kihub_" + ISSUED.keyId() + "_", ISSUED.key().substring(0, 39));
        assertTrue(ISSUED.salt().matches("[0-9a-f]{32}"), "16-byte salt in hex");
        assertTrue(ISSUED.secretHash().matches("[0-9a-f]{64}"), "SHA-256 in hex");
    }

    @Test
    void issuedKeyParsesBackAndMatchesItsStoredHash() {
        ApiKeys.PresentedKey presented = ApiKeys.parse(ISSUED.key()).orElseThrow();

        assertEquals(ISSUED.keyId(), presented.keyId());
        assertEquals(32, presented.secret().length);
        assertTrue(presented.matches(ISSUED.salt(), ISSUED.secretHash()));
    }

    @Test
    void everyKeyHasItsOwnKeyIdSecretAndSalt() {
        ApiKeys.NewKey other = KEYS.newKey();

        assertNotEquals(ISSUED.keyId(), other.keyId());
        assertNotEquals(ISSUED.key().substring(39), other.key().substring(39));
        assertNotEquals(ISSUED.salt(), other.salt());
        assertFalse(
                ApiKeys.parse(other.key())
                        .orElseThrow()
                        .matches(ISSUED.salt(), ISSUED.secretHash()));
    }

    @Test
    void wrongSecretForAKnownKeyIdDoesNotMatch() {
        char first = ISSUED.key().charAt(39);
        String tampered =
                ISSUED.key().substring(0, 39)
                        + (first == 'A' ? 'B' : 'A')
                        + ISSUED.key().substring(40);

        ApiKeys.PresentedKey presented = ApiKeys.parse(tampered).orElseThrow();

        assertEquals(ISSUED.keyId(), presented.keyId());
        assertFalse(presented.matches(ISSUED.salt(), ISSUED.secretHash()));
    }

    @Test
    void hashIsSha256OfSaltFollowedBySecret() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(ApiKeys.digest(bytes("ab"), bytes("c"))));
    }

    @Test
    void differentSaltGivesDifferentHash() {
        byte[] secret = ApiKeys.parse(ISSUED.key()).orElseThrow().secret();
        byte[] salt = HexFormat.of().parseHex(ISSUED.salt());
        byte[] otherSalt = salt.clone();
        otherSalt[0] ^= 1;

        assertArrayEquals(ApiKeys.digest(salt, secret), ApiKeys.digest(salt.clone(), secret));
        assertNotEquals(
                HexFormat.of().formatHex(ApiKeys.digest(salt, secret)),
                HexFormat.of().formatHex(ApiKeys.digest(otherSalt, secret)));
        assertFalse(
                ApiKeys.parse(ISSUED.key())
                        .orElseThrow()
                        .matches(HexFormat.of().formatHex(otherSalt), ISSUED.secretHash()));
    }

    @Test
    void malformedStoredValuesNeverMatchAndNeverThrow() {
        ApiKeys.PresentedKey presented = ApiKeys.parse(ISSUED.key()).orElseThrow();

        assertFalse(presented.matches(null, ISSUED.secretHash()));
        assertFalse(presented.matches(ISSUED.salt(), null));
        assertFalse(presented.matches("not hex", ISSUED.secretHash()));
        assertFalse(presented.matches(ISSUED.salt(), ISSUED.secretHash().substring(2)));
    }

    @Test
    void textOfKeysDoesNotShowTheSecret() {
        ApiKeys.PresentedKey presented = ApiKeys.parse(ISSUED.key()).orElseThrow();
        String secret = ISSUED.key().substring(39);

        assertFalse(ISSUED.toString().contains(secret));
        assertFalse(presented.toString().contains(secret));
        assertFalse(
                new IssuedCredential(null, "cam", ISSUED.key(), ISSUED.keyId(), null)
                        .toString()
                        .contains(secret));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void rejectsAnythingThatIsNotExactlyAKey(String text) {
        assertTrue(ApiKeys.parse(text).isEmpty(), () -> "accepted: " + text);
    }

    static Stream<String> garbage() {
        String key = ISSUED.key();
        String keyId = ISSUED.keyId();
        String secret = key.substring(39);
        return Stream.of(
                null,
                "",
                "kihub_",
                "kihub__",
                "Bearer " + key,
                " " + key,
                key + " ",
                key + "A",
                key.substring(0, key.length() - 1),
                key + key,
                "x".repeat(100_000),
                "KIHUB_" + key.substring(6),
                "kihub-" + key.substring(6),
                "kihub_" + keyId + "-" + secret,
                "kihub_" + keyId.toUpperCase(Locale.ROOT) + "_" + secret,
                "kihub_" + "g" + keyId.substring(1) + "_" + secret,
                "kihub_" + keyId + "_" + "+" + secret.substring(1),
                "kihub_" + keyId + "_" + "/" + secret.substring(1),
                "kihub_" + keyId + "_" + secret.substring(0, 42) + "=",
                "kihub_" + keyId + "_" + "\u00e4" + secret.substring(1),
                "kihub_" + keyId + "_" + "\u0000" + secret.substring(1),
                nonCanonical(key));
    }

    /** The same secret bytes, but the last character's unused low bits set. */
    private static String nonCanonical(String key) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(key.charAt(key.length() - 1));
        return key.substring(0, key.length() - 1) + alphabet.charAt(last | 1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(US_ASCII);
    }
}
