/**
 * Checks that an uploaded model file loads with DJL, in a separate, time-limited child JVM, so a
 * broken or malicious model cannot crash, hang or bloat the server.
 */
package de.kihub.services.inspection;
