/** JPA implementation of {@link de.kihub.registry.dataset.Datasets}: table {@code dataset}. */
package de.kihub.registry.dataset.internal;
