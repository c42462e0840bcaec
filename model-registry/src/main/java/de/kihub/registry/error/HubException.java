package de.kihub.registry.error;

/** Base of every expected, client-caused failure in the hub's domain. */
public class HubException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HubException(String message) {
        super(message);
    }
}
