/**
 * "Try it" for a people-counting model version: one image in, the count and boxes out, nothing
 * stored. Cameras count through a deployment ({@code api.deployments}).
 */
package de.kihub.portal.api.counting;
