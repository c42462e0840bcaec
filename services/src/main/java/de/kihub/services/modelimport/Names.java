package de.kihub.services.modelimport;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out unique ONNX names. TF names contain '/' and ':', which the ONNX IR asks names not to
 * contain, so everything outside [A-Za-z0-9_] becomes '_' and a suffix keeps names apart.
 */
final class Names {
    private final Set<String> taken = new HashSet<>();

    /** A new unique name derived from the given TF or ONNX name. */
    String fresh(String base) {
        String name = sanitise(base);
        if (taken.add(name)) {
            return name;
        }
        for (int i = 2; ; i++) {
            String candidate = name + "_" + i;
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }

    static String sanitise(String name) {
        StringBuilder text = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            text.append(plain ? c : '_');
        }
        if (text.isEmpty() || Character.isDigit(text.charAt(0))) {
            text.insert(0, '_');
        }
        return text.toString();
    }
}
