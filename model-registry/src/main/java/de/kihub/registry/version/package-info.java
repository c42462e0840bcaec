/**
 * Model versions: semantic versions with the lifecycle DRAFT -> IN_REVIEW -> PUBLISHED ->
 * DEPRECATED -> ARCHIVED (a rejection returns to DRAFT), each with one inspected primary artifact.
 */
package de.kihub.registry.version;
