package de.kihub.services.modelimport;

import de.kihub.registry.error.InvalidRequestException;

/**
 * A model could not be imported: its files are malformed, incomplete or use something the importer
 * does not support. The message names the file, node or weight and what is wrong.
 */
public class ModelImportException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public ModelImportException(String message) {
        super(message);
    }
}
