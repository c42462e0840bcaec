/** JPA implementation of communities. */
package de.kihub.registry.community.internal;
