/**
 * The small tree of domain exceptions. They know nothing about HTTP; the portal maps them to
 * problem+json responses in one place.
 */
package de.kihub.registry.error;
