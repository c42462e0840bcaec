/**
 * Server-rendered web pages (Thymeleaf templates under WEB-INF/templates), German first with an
 * English switch, and the browser login and logout through Keycloak.
 */
package de.kihub.portal.web;
