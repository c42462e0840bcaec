/**
 * Server-rendered web pages (Thymeleaf templates under WEB-INF/templates with a shared layout),
 * German first with an English switch: the home page, the catalog with search, facets and paging,
 * model pages, friendly error pages, and the browser sign-in and sign-out through Keycloak.
 */
package de.kihub.portal.web;
