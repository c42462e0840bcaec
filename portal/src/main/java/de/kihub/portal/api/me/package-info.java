/** {@code /api/v1/me}: who the caller is, as the hub sees it. */
package de.kihub.portal.api.me;
