/**
 * A deployment's record after the Dutch algorithm register standard and the UK ATRS, the EU AI Act
 * questionnaire with its risk class, and the exports built from both. Plain domain logic: no JPA,
 * no HTTP; the deployment package stores and versions it.
 */
package de.kihub.services.deployment.record;
