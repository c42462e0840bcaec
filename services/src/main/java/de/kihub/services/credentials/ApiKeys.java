package de.kihub.services.credentials;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Hub-issued API keys {@code kihub_<keyId>_<secret>}: the key id is 16 random bytes in lower-case
 * hex (public, stored, finds the row), the secret 32 random bytes in base64url without padding.
 * Only a random salt and SHA-256(salt || secret) are stored.
 *
 * <p>A fast hash is right here: password hashes such as bcrypt or Argon2 are slow to protect
 * guessable human passwords, but a 256-bit secret from {@link SecureRandom} cannot be guessed at
 * any hashing speed, and a slow hash would only cost CPU on every machine request. The salt keeps
 * hashes of the same secret apart and rules out precomputed tables.
 */
final class ApiKeys {
    static final String PREFIX = "kihub_";
    private static final int KEY_ID_BYTES = 16;
    private static final int SECRET_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final int KEY_ID_CHARS = 2 * KEY_ID_BYTES;
    private static final int SECRET_CHARS = (SECRET_BYTES * 8 + 5) / 6;
    private static final int SECRET_START = PREFIX.length() + KEY_ID_CHARS + 1;
    static final int KEY_LENGTH = SECRET_START + SECRET_CHARS;

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    ApiKeys() {
        this(new SecureRandom());
    }

    ApiKeys(SecureRandom random) {
        this.random = random;
    }

    /** A fresh key: the full text for the caller, the rest for the database. */
    NewKey newKey() {
        String keyId = HEX.formatHex(randomBytes(KEY_ID_BYTES));
        byte[] secret = randomBytes(SECRET_BYTES);
        byte[] salt = randomBytes(SALT_BYTES);
        return new NewKey(
                keyId,
                PREFIX + keyId + "_" + BASE64URL.encodeToString(secret),
                HEX.formatHex(salt),
                HEX.formatHex(digest(salt, secret)));
    }

    /**
     * The key id and secret of a presented key, or empty for anything that is not exactly a key of
     * this format (length, prefix, alphabets, canonical base64url); never throws.
     */
    static Optional<PresentedKey> parse(String text) {
        if (text == null
                || text.length() != KEY_LENGTH
                || !text.startsWith(PREFIX)
                || text.charAt(SECRET_START - 1) != '_') {
            return Optional.empty();
        }
        String keyId = text.substring(PREFIX.length(), SECRET_START - 1);
        String secret = text.substring(SECRET_START);
        if (!keyId.chars().allMatch(ApiKeys::isLowerHex)
                || !secret.chars().allMatch(ApiKeys::isBase64Url)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // the last character carries unused bits; only the canonical spelling is the key
        if (bytes.length != SECRET_BYTES || !BASE64URL.encodeToString(bytes).equals(secret)) {
            return Optional.empty();
        }
        return Optional.of(new PresentedKey(keyId, bytes));
    }

    /** SHA-256 over the salt followed by the secret. */
    static byte[] digest(byte[] salt, byte[] secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(secret);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_';
    }

    /** A new key; {@code salt} and {@code secretHash} are lower-case hex as stored. */
    record NewKey(String keyId, String key, String salt, String secretHash) {
        @Override
        public String toString() {
            return "NewKey[keyId=" + keyId + "]";
        }
    }

    /** A syntactically valid key as presented by a client. */
    record PresentedKey(String keyId, byte[] secret) {

        /** Whether the secret hashes to the stored hash; compares in constant time. */
        boolean matches(String salt, String secretHash) {
            if (salt == null || secretHash == null) {
                return false;
            }
            byte[] saltBytes;
            byte[] expected;
            try {
                saltBytes = HEX.parseHex(salt);
                expected = HEX.parseHex(secretHash);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return MessageDigest.isEqual(digest(saltBytes, secret), expected);
        }

        @Override
        public String toString() {
            return "PresentedKey[keyId=" + keyId + "]";
        }
    }
}
