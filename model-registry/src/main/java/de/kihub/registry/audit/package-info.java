/** The audit trail: who did what to which object, when, and for which tenant. Append-only. */
package de.kihub.registry.audit;
