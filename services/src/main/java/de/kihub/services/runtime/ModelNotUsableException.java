package de.kihub.services.runtime;

import de.kihub.registry.error.HubException;

/**
 * A model artifact cannot serve inference here: it does not load, its warm-up inference fails, its
 * outputs do not fit the decoder, or it needs more memory than the runtime may use. The message
 * names the artifact and what failed, so that a deployment can be refused with a useful reason.
 */
public final class ModelNotUsableException extends HubException {
    private static final long serialVersionUID = 1L;

    private final String sha256;

    public ModelNotUsableException(String sha256, String problem) {
        super("Model artifact " + sha256 + " cannot be used for inference: " + problem);
        this.sha256 = sha256;
    }

    public ModelNotUsableException(String sha256, String problem, Throwable cause) {
        this(sha256, problem);
        initCause(cause);
    }

    public String sha256() {
        return sha256;
    }
}
