package de.kihub.registry.artifact;

import de.kihub.registry.error.InvalidRequestException;

/** An upload sent more bytes than allowed; reading stopped as soon as that was clear. */
public class PayloadTooLargeException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("The upload exceeds the limit of " + limitBytes + " bytes.");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
