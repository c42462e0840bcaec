/**
 * Machine credentials: hub-issued API keys with which edge devices and other systems call one
 * deployment. Only a salted hash of each secret is stored; revocation and rotation take effect
 * within seconds.
 */
package de.kihub.services.credentials;
