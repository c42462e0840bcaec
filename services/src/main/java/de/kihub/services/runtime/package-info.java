/**
 * The DJL inference runtime. DJL types stay inside this package tree; callers see plain records.
 */
package de.kihub.services.runtime;
