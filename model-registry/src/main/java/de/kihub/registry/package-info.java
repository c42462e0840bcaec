/** What models are: the shared catalog's domain, independent of HTTP and of inference. */
package de.kihub.registry;
