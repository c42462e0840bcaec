/**
 * Communities (Entwicklungsgemeinschaften): named groups of tenants that share models privately. A
 * curator creates them; tenants join.
 */
package de.kihub.registry.community;
