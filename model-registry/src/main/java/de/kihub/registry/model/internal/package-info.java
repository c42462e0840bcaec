/** JPA implementation of models and versions, and the visibility rules they share. */
package de.kihub.registry.model.internal;
