/** What happens when the hub starts: database migrations and the readiness they decide. */
package de.kihub.portal.startup;
