/**
 * Black-box integration tests: the real portal.war on the provisioned WildFly, with a real Keycloak
 * and a real database (H2, or PostgreSQL when KIHUB_DB_URL is set).
 */
package de.kihub.deploy.it;
