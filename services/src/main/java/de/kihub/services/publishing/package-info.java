/**
 * Publishing artifacts: streaming an upload into the content-addressed store, inspecting it (format
 * from content, safe archives, an isolated DJL load check), recording it on the version, serving
 * downloads, and removing content no version references any more.
 */
package de.kihub.services.publishing;
