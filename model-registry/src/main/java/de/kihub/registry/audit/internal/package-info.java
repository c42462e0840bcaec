/** JPA implementation of the audit log. */
package de.kihub.registry.audit.internal;
