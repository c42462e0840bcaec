/** {@code /api/v1/system}: what an operator needs to see that the hub is wired correctly. */
package de.kihub.portal.api.system;
