/** Who may see what: the HTTP API, the web pages, security and start-up of the hub. */
package de.kihub.portal;
