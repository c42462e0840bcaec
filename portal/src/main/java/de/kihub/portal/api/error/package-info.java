/** Turns every failure into an RFC 9457 problem+json response, in one place. */
package de.kihub.portal.api.error;
