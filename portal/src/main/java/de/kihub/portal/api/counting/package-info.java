/**
 * Counting endpoints of a people-counting model version: one image, or a camera's session. Until
 * deployments exist they live under the model version; images are never stored.
 */
package de.kihub.portal.api.counting;
