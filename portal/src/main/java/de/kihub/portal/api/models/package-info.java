/**
 * {@code /api/v1/models}: publishing into the catalog – models, versions, artifact upload and
 * download, and the review lifecycle.
 */
package de.kihub.portal.api.models;
